//! The canvas that paints [`Paint`] (see the model): repainted after every render whose paint
//! changed, sized to its box at the device's pixel ratio.

use super::model::{meet_scale, DotShape, Paint, FADED_ALPHA, OUTLINE_WIDTH};
use std::f64::consts::TAU;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};
use yew::prelude::*;

/// Props of [`DotsCanvas`].
#[derive(Properties, PartialEq)]
pub struct DotsCanvasProps {
    /// What to paint.
    pub paint: Rc<Paint>,
}

/// The dots layer of a lanes stack: `aria-hidden` (the lanes' SVG names the drawing, and the
/// views list the data as text); its `data-dots` attribute counts the dots painted.
#[component]
pub fn DotsCanvas(props: &DotsCanvasProps) -> Html {
    let canvas = use_node_ref();
    {
        let canvas = canvas.clone();
        use_effect_with(props.paint.clone(), move |paint| {
            if let Some(el) = canvas.cast::<HtmlCanvasElement>() {
                draw(&el, paint);
            }
        });
    }
    html! {
        <canvas ref={canvas} class="lanes-dots" aria-hidden="true" data-testid="lane-dots"
                data-dots={props.paint.dots.len().to_string()} />
    }
}

/// Paints `paint` on `el`, first matching the canvas's pixels to its box (CSS px × device
/// pixel ratio), so dots stay sharp on a phone.
fn draw(el: &HtmlCanvasElement, paint: &Paint) {
    let dpr = web_sys::window().map_or(1.0, |w| w.device_pixel_ratio()).max(1.0);
    let (css_w, css_h) = (f64::from(el.client_width()), f64::from(el.client_height()));
    // Saturating float-to-int conversions: an empty box is 0 × 0.
    let (px_w, px_h) = ((css_w * dpr).round() as u32, (css_h * dpr).round() as u32);
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
    for d in &paint.dots {
        let (x, y) = (paint.shift + d.x, d.y);
        ctx.set_global_alpha(if d.faded { FADED_ALPHA } else { 1.0 });
        ctx.set_fill_style_str(&paint.colour(d));
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

/// The viewBox point under a pointer event on an SVG drawn with `preserveAspectRatio="xMinYMin
/// meet"` and a `vb_w` × `vb_h` viewBox (the lanes' top SVG): where a click lands among the dots.
pub fn viewbox_point(e: &MouseEvent, vb_w: f64, vb_h: f64) -> Option<(f64, f64)> {
    let el = e.current_target()?.dyn_into::<web_sys::Element>().ok()?;
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
