//! The record dots of the lanes (overview and flow), painted on a `<canvas>` rather than as one
//! SVG element each: what to paint, where the canvas maps to the lanes' `viewBox`, and which dot
//! a click at a point picks. Pure: no Yew, unit-tested natively.
//!
//! ```text
//!  div.lanes-stack ─┬─ svg.lanes-base   lane backgrounds                (aria-hidden)
//!                   ├─ canvas           the dots: [`Paint`]             (aria-hidden)
//!                   └─ svg.lanes        labels, gauges, cursors, records of yours, axis; the
//!                                       stack's size, its accessible name, and the clicks
//! ```
//!
//! Why: a lane's dots come and go every frame. As SVG elements, each frame cost Yew's diff, the
//! DOM calls that create and remove them, and the style, layout and paint of hundreds of
//! elements (benches/README.md, "Frame times"). A canvas repaints them in one call per dot. The
//! records of yours stay SVG elements (a ring, a title, a click target), and the data stays text:
//! the overview's shard table, the flow view's per-lane counts and recent-records list.
//!
//! Who paints: `www/dots-paint.js`, from the numbers of [`Paint::frame`]. Where the browser can
//! hand the canvas to a worker (`transferControlToOffscreen` and module workers), the worker
//! paints and commits it, so the canvas's raster and its copy to the compositor leave the page's
//! frame (flow at 1×: 1–2 ms less work per frame; benches/README.md, "Painting the dots in a
//! worker"); elsewhere the same code paints on the page. The hit test stays here, on the page.

use crate::engine::state::shard::ShardId;

/// The shape of a dot (the flow view varies it with the hash, so colour is never the only cue;
/// the overview draws circles).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DotShape {
    /// ●
    Circle,
    /// ■
    Square,
    /// ▲
    Triangle,
}

/// One dot, in the lanes' viewBox units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PaintDot {
    /// Centre x relative to [`Paint::shift`] (fixed by the record's arrival).
    pub x: f64,
    /// Centre y.
    pub y: f64,
    /// Hue, degrees.
    pub hue: u16,
    /// Shape.
    pub shape: DotShape,
    /// Drawn faded: its shard is closed (as the SVG lanes fade a closed lane).
    pub faded: bool,
    /// What a click on it selects: (shard, position).
    pub key: (ShardId, u64),
}

/// Everything the canvas paints in one frame.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Paint {
    /// viewBox width.
    pub width: f64,
    /// viewBox height.
    pub height: f64,
    /// x translation of every dot now: a dot is painted at `shift + x`.
    pub shift: f64,
    /// Half-size of a dot.
    pub r: f64,
    /// Lightness of the dots' colour, percent (`hsl(hue, 70%, light%)`).
    pub light: u8,
    /// A thin white outline around each dot (the flow view's look).
    pub outline: bool,
    /// Dots, in painting order.
    pub dots: Vec<PaintDot>,
}

/// Opacity of a dot of a closed shard.
pub const FADED_ALPHA: f64 = 0.6;
/// Width of the white outline, viewBox units.
pub const OUTLINE_WIDTH: f64 = 0.6;

/// Numbers in the header of a [`Paint::frame`].
pub const FRAME_HEADER: usize = 9;
/// Numbers per dot in a [`Paint::frame`].
pub const FRAME_PER_DOT: usize = 4;

impl Paint {
    /// This paint as the frame the painter (`www/dots-paint.js`) reads, for a box of
    /// `css_w` × `css_h` CSS px on a device of pixel ratio `dpr`: the backing store's size
    /// ([`backing_store`]), the scale from viewBox units to its pixels, this paint's settings,
    /// then each dot as x, y, hue, and its shape plus 3 if it is faded. Numbers, not objects, so
    /// that it crosses to JS (and to a worker) as one copied buffer.
    pub fn frame(&self, css_w: f64, css_h: f64, dpr: f64) -> Vec<f64> {
        let (ratio, px_w, px_h) = backing_store(css_w, css_h, dpr);
        let k = meet_scale(css_w, css_h, self.width, self.height) * ratio;
        let mut f = Vec::with_capacity(FRAME_HEADER + FRAME_PER_DOT * self.dots.len());
        f.extend([
            f64::from(px_w),
            f64::from(px_h),
            k,
            self.shift,
            self.r,
            f64::from(self.light),
            f64::from(u8::from(self.outline)),
            OUTLINE_WIDTH,
            FADED_ALPHA,
        ]);
        for d in &self.dots {
            let shape = match d.shape {
                DotShape::Circle => 0.0,
                DotShape::Square => 1.0,
                DotShape::Triangle => 2.0,
            };
            f.extend([d.x, d.y, f64::from(d.hue), shape + if d.faded { 3.0 } else { 0.0 }]);
        }
        f
    }

    /// The dot a click at viewBox point `(x, y)` picks: the nearest one whose centre is within
    /// a little more than its size (a finger is wider than a dot), if any.
    pub fn hit(&self, x: f64, y: f64) -> Option<(ShardId, u64)> {
        let reach = (self.r * 1.8).max(4.0);
        self.dots
            .iter()
            .map(|d| {
                let (dx, dy) = (self.shift + d.x - x, d.y - y);
                (dx * dx + dy * dy, d.key)
            })
            .filter(|(dist2, _)| *dist2 <= reach * reach)
            .min_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, key)| key)
    }
}

/// The scale from viewBox units to CSS pixels of a box `css_w` × `css_h` that shows a
/// `vb_w` × `vb_h` viewBox with `preserveAspectRatio="xMinYMin meet"` (what the SVG lanes use):
/// the smaller of the two ratios, drawn from the top left corner. 0 for an empty box.
pub fn meet_scale(css_w: f64, css_h: f64, vb_w: f64, vb_h: f64) -> f64 {
    if vb_w <= 0.0 || vb_h <= 0.0 || css_w <= 0.0 || css_h <= 0.0 {
        return 0.0;
    }
    (css_w / vb_w).min(css_h / vb_h)
}

/// The most device pixels per CSS pixel the canvas is painted at.
///
/// A changed canvas is copied to the compositor in every frame, and that copy grows with its
/// pixels: in headless Chromium without a GPU, the flow view at 375 CSS px and 16 shards at 1×
/// spends 1.8 ms per frame in the commit at a pixel ratio of 1, 3.2 ms at 2 and 6.8 ms at 3 (most
/// phones are 3), on a desktop core (benches/README.md, "The dots canvas on a phone"). A dot is a
/// few CSS px wide: painted at 2 on a screen of 3, a screenshot shows its edge a little softer
/// and nothing else, while 3 paints 2.25 times the pixels. The SVG above it (labels, gauges,
/// records of yours) keeps the device's full ratio.
pub const MAX_PIXEL_RATIO: f64 = 2.0;

/// The canvas's pixel ratio and its backing store in device pixels (width, height) for a box of
/// `css_w` × `css_h` CSS px on a device of pixel ratio `dpr`: the device's ratio, at least 1
/// and at most [`MAX_PIXEL_RATIO`]. An empty or invalid box is 0 × 0.
pub fn backing_store(css_w: f64, css_h: f64, dpr: f64) -> (f64, u32, u32) {
    let ratio = if dpr.is_finite() { dpr.clamp(1.0, MAX_PIXEL_RATIO) } else { 1.0 };
    // Saturating float-to-int conversions: NaN and negatives give 0.
    let px = |css: f64| (css * ratio).round() as u32;
    (ratio, px(css_w), px(css_h))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_backing_store_follows_the_device_up_to_twice_the_css_pixels() {
        assert_eq!(backing_store(540.0, 1283.0, 1.0), (1.0, 540, 1283));
        assert_eq!(backing_store(540.0, 1283.0, 1.5), (1.5, 810, 1925));
        assert_eq!(backing_store(340.0, 800.0, 2.0), (2.0, 680, 1600));
        // A phone at 3 (or 2.625) is painted at 2.
        assert_eq!(backing_store(340.0, 800.0, 3.0), (2.0, 680, 1600));
        assert_eq!(backing_store(340.0, 800.0, 2.625), (2.0, 680, 1600));
        // Zoomed out below 1, or a ratio the browser cannot give: 1.
        assert_eq!(backing_store(100.0, 50.0, 0.5), (1.0, 100, 50));
        assert_eq!(backing_store(100.0, 50.0, f64::NAN), (1.0, 100, 50));
        assert_eq!(backing_store(100.0, 50.0, f64::INFINITY), (1.0, 100, 50));
        // An empty or hidden box.
        assert_eq!(backing_store(0.0, 0.0, 3.0), (2.0, 0, 0));
        assert_eq!(backing_store(-5.0, f64::NAN, 1.0), (1.0, 0, 0));
    }

    fn dot(x: f64, y: f64, pos: u64) -> PaintDot {
        PaintDot { x, y, hue: 200, shape: DotShape::Circle, faded: false, key: (ShardId(1), pos) }
    }

    /// A 640 × 200 paint shifted by 100, dots of half-size 3, outlined.
    fn paint_of(dots: Vec<PaintDot>) -> Paint {
        Paint { width: 640.0, height: 200.0, shift: 100.0, r: 3.0, light: 42, outline: true, dots }
    }

    #[test]
    fn a_click_picks_the_nearest_dot_within_reach() {
        let paint = paint_of(vec![dot(-10.0, 50.0, 7), dot(-4.0, 50.0, 8)]);
        // Dots at x 90 and 96 (shift + x).
        assert_eq!(paint.hit(91.0, 51.0), Some((ShardId(1), 7)));
        assert_eq!(paint.hit(95.0, 49.0), Some((ShardId(1), 8)));
        assert_eq!(paint.hit(130.0, 50.0), None, "nothing there");
        assert_eq!(paint.hit(90.0, 60.0), None, "too far below");
    }

    #[test]
    fn a_frame_is_the_backing_store_the_scale_the_settings_and_four_numbers_per_dot() {
        let mut paint = paint_of(vec![dot(-10.0, 50.0, 7), dot(-4.0, 60.0, 8)]);
        paint.dots[1].shape = DotShape::Triangle;
        paint.dots[1].faded = true;
        paint.dots[1].hue = 15;
        // 320 × 100 CSS px on a phone at 3: painted at 2, so 640 × 200 px at 1 px per unit.
        let f = paint.frame(320.0, 100.0, 3.0);
        assert_eq!(f.len(), FRAME_HEADER + 2 * FRAME_PER_DOT);
        assert_eq!(&f[..FRAME_HEADER], &[640.0, 200.0, 1.0, 100.0, 3.0, 42.0, 1.0, OUTLINE_WIDTH, FADED_ALPHA]);
        assert_eq!(&f[FRAME_HEADER..], &[-10.0, 50.0, 200.0, 0.0, -4.0, 60.0, 15.0, 5.0]);
        // A hidden box: nothing to paint (scale 0), the dots still listed.
        paint.outline = false;
        let f = paint.frame(0.0, 0.0, 1.0);
        assert_eq!(&f[..3], &[0.0, 0.0, 0.0]);
        assert_eq!(f[6], 0.0);
    }

    #[test]
    fn the_canvas_maps_like_the_svg() {
        // 1280 px wide, height auto: the box has the viewBox's ratio.
        assert_eq!(meet_scale(960.0, 300.0, 640.0, 200.0), 1.5);
        // A box taller than the drawing: the width decides, top-aligned.
        assert_eq!(meet_scale(320.0, 400.0, 640.0, 200.0), 0.5);
        assert_eq!(meet_scale(0.0, 0.0, 640.0, 200.0), 0.0);
    }
}
