//! The canvas that paints [`Paint`] (see the model): repainted after every render whose paint
//! changed, sized to its box at the device's pixel ratio, at most
//! [`MAX_PIXEL_RATIO`](super::model::MAX_PIXEL_RATIO).

use super::model::{backing_store, meet_scale, DotShape, Paint, PaintDot, FADED_ALPHA, OUTLINE_WIDTH};
use std::collections::BTreeMap;
use std::f64::consts::TAU;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, ResizeObserver};
use yew::prelude::*;

/// Props of [`DotsCanvas`].
#[derive(Properties, PartialEq)]
pub struct DotsCanvasProps {
    /// What to paint.
    pub paint: Rc<Paint>,
}

/// The dots layer of a lanes stack: `aria-hidden` (the lanes' SVG names the drawing, and the
/// views list the data as text); its `data-dots` attribute counts the dots painted.
///
/// It never reads layout while painting: a `ResizeObserver` keeps the box's size (and repaints
/// the latest paint when the box changes), because reading `clientWidth` right after a frame's
/// DOM changes forced a style and layout pass in the middle of every frame.
#[component]
pub fn DotsCanvas(props: &DotsCanvasProps) -> Html {
    let canvas = use_node_ref();
    let size = use_mut_ref(|| None::<(f64, f64)>);
    let latest = use_mut_ref(|| props.paint.clone());
    let colours = use_mut_ref(Colours::default);
    {
        let (canvas, size, latest, colours) = (canvas.clone(), size.clone(), latest.clone(), colours.clone());
        use_effect_with((), move |_| {
            let observer = canvas.cast::<HtmlCanvasElement>().and_then(|el| {
                let target = el.clone();
                let on_resize = Closure::<dyn FnMut()>::new(move || {
                    let measured = box_size(&target);
                    *size.borrow_mut() = Some(measured);
                    draw(&target, measured, &latest.borrow(), &mut colours.borrow_mut());
                });
                let observer = ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok()?;
                observer.observe(&el);
                Some((observer, on_resize))
            });
            move || {
                if let Some((observer, _on_resize)) = observer {
                    observer.disconnect();
                }
            }
        });
    }
    {
        let (canvas, latest) = (canvas.clone(), latest.clone());
        use_effect_with(props.paint.clone(), move |paint| {
            // What the observer repaints when the box changes.
            *latest.borrow_mut() = paint.clone();
            if let Some(el) = canvas.cast::<HtmlCanvasElement>() {
                // Before the observer's first report (or without one), measure once.
                let measured = *size.borrow_mut().get_or_insert_with(|| box_size(&el));
                draw(&el, measured, paint, &mut colours.borrow_mut());
            }
        });
    }
    html! {
        <canvas ref={canvas} class="lanes-dots" aria-hidden="true" data-testid="lane-dots"
                data-dots={props.paint.dots.len().to_string()} />
    }
}

/// The canvas's box, CSS px.
fn box_size(el: &HtmlCanvasElement) -> (f64, f64) {
    (f64::from(el.client_width()), f64::from(el.client_height()))
}

/// The fill colours painted so far, as JS strings (a dot's colour is one of a few hundred hues:
/// formatting and passing its string to JS for every dot of every frame cost more than the
/// drawing).
#[derive(Default)]
struct Colours(BTreeMap<(u16, u8), JsValue>);

impl Colours {
    fn of(&mut self, paint: &Paint, d: &PaintDot) -> &JsValue {
        self.0.entry((d.hue, paint.light)).or_insert_with(|| JsValue::from_str(&paint.colour(d)))
    }
}

/// Paints `paint` on `el`, a box of `css_w` × `css_h` CSS px, first matching the canvas's pixels
/// to its box at the device's pixel ratio, capped at
/// [`MAX_PIXEL_RATIO`](super::model::MAX_PIXEL_RATIO) (so dots stay sharp on a phone without
/// painting pixels nobody sees). Colour and opacity are set only when they change from one dot
/// to the next.
fn draw(el: &HtmlCanvasElement, (css_w, css_h): (f64, f64), paint: &Paint, colours: &mut Colours) {
    let device = web_sys::window().map_or(1.0, |w| w.device_pixel_ratio());
    let (dpr, px_w, px_h) = backing_store(css_w, css_h, device);
    if el.width() != px_w {
        el.set_width(px_w);
    }
    if el.height() != px_h {
        el.set_height(px_h);
    }
    let Ok(Some(ctx)) = el.get_context("2d") else { return };
    let Ok(ctx) = ctx.dyn_into::<CanvasRenderingContext2d>() else { return };
    let _ = ctx.set_transform(1.0, 0.0, 0.0, 1.0, 0.0, 0.0);
    ctx.clear_rect(0.0, 0.0, f64::from(px_w), f64::from(px_h));
    let k = meet_scale(css_w, css_h, paint.width, paint.height) * dpr;
    if k <= 0.0 {
        return;
    }
    let _ = ctx.set_transform(k, 0.0, 0.0, k, 0.0, 0.0);
    if paint.outline {
        ctx.set_stroke_style_str("#fff");
        ctx.set_line_width(OUTLINE_WIDTH);
    }
    let r = paint.r;
    let (mut hue, mut faded) = (None, None);
    for d in &paint.dots {
        let (x, y) = (paint.shift + d.x, d.y);
        if faded != Some(d.faded) {
            faded = Some(d.faded);
            ctx.set_global_alpha(if d.faded { FADED_ALPHA } else { 1.0 });
        }
        if hue != Some(d.hue) {
            hue = Some(d.hue);
            // The `JsValue` setter (deprecated only in favour of the typed ones) takes the
            // cached JS string as it is; `set_fill_style_str` would copy it from wasm again.
            #[allow(deprecated)]
            ctx.set_fill_style(colours.of(paint, d));
        }
        ctx.begin_path();
        match d.shape {
            DotShape::Circle => {
                let _ = ctx.arc(x, y, r, 0.0, TAU);
            }
            DotShape::Square => ctx.rect(x - r, y - r, 2.0 * r, 2.0 * r),
            DotShape::Triangle => {
                ctx.move_to(x, y - r);
                ctx.line_to(x + r, y + r);
                ctx.line_to(x - r, y + r);
                ctx.close_path();
            }
        }
        ctx.fill();
        if paint.outline {
            ctx.stroke();
        }
    }
    ctx.set_global_alpha(1.0);
}

/// The viewBox point under a click on the lanes' top SVG (`svg.lanes`, drawn with
/// `preserveAspectRatio="xMinYMin meet"` and a `vb_w` × `vb_h` viewBox): where it lands among the
/// dots.
pub fn viewbox_point(e: &MouseEvent, vb_w: f64, vb_h: f64) -> Option<(f64, f64)> {
    let el = crate::ui::views::handler_element(e, "svg.lanes")?;
    let rect = el.get_bounding_client_rect();
    let k = meet_scale(rect.width(), rect.height(), vb_w, vb_h);
    if k <= 0.0 {
        return None;
    }
    Some(((f64::from(e.client_x()) - rect.left()) / k, (f64::from(e.client_y()) - rect.top()) / k))
}

/// True when the event started on a record of yours (an SVG element with its own click), so
/// the lanes' click must leave it alone.
pub fn on_own_target(e: &MouseEvent) -> bool {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest(".yours").ok().flatten())
        .is_some()
}
