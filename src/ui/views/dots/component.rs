//! The canvas that paints [`Paint`] (see the model): handed to the painter of
//! `www/dots-paint.js` (a worker where the browser can give it the canvas, else the page),
//! which is sent a new frame after every render whose paint changed, sized to the canvas's box
//! at the device's pixel ratio, at most [`MAX_PIXEL_RATIO`](super::model::MAX_PIXEL_RATIO).

use super::model::{meet_scale, Paint};
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{HtmlCanvasElement, ResizeObserver};
use yew::prelude::*;

#[wasm_bindgen(module = "/www/dots-paint.js")]
extern "C" {
    /// Takes over painting the canvas; returns the function that is called with each frame (a
    /// `Float64Array`, see [`Paint::frame`]) and with `null` when the canvas goes away. It falls
    /// back to painting on the page itself when the worker cannot have the canvas; an exception
    /// it still throws comes back as `Err`: the canvas then has no `data-painter` and shows no
    /// dots, and the rest of the view (the lanes, the counts as text) goes on.
    #[wasm_bindgen(catch, js_name = dotsPainter)]
    fn dots_painter(canvas: &HtmlCanvasElement) -> Result<js_sys::Function, JsValue>;
}

/// Props of [`DotsCanvas`].
#[derive(Properties, PartialEq)]
pub struct DotsCanvasProps {
    /// What to paint.
    pub paint: Rc<Paint>,
}

/// The dots layer of a lanes stack: `aria-hidden` (the lanes' SVG names the drawing, and the
/// views list the data as text); its `data-dots` attribute counts the dots painted, and the
/// painter sets `data-painter` to `worker` or `page`.
///
/// It never reads layout while painting: a `ResizeObserver` keeps the box's size (and repaints
/// the latest paint when the box changes), because reading `clientWidth` right after a frame's
/// DOM changes forced a style and layout pass in the middle of every frame.
#[component]
pub fn DotsCanvas(props: &DotsCanvasProps) -> Html {
    let canvas = use_node_ref();
    let size = use_mut_ref(|| None::<(f64, f64)>);
    let latest = use_mut_ref(|| props.paint.clone());
    let painter = use_mut_ref(|| None::<js_sys::Function>);
    {
        let (canvas, size, latest, painter) = (canvas.clone(), size.clone(), latest.clone(), painter.clone());
        // The painter first: the effect below, run after this one, sends it the first frame.
        use_effect_with((), move |_| {
            let observer = canvas.cast::<HtmlCanvasElement>().and_then(|el| {
                *painter.borrow_mut() = dots_painter(&el).ok();
                let target = el.clone();
                let painter = painter.clone();
                let on_resize = Closure::<dyn FnMut()>::new(move || {
                    let measured = box_size(&target);
                    *size.borrow_mut() = Some(measured);
                    send(painter.borrow().as_ref(), measured, &latest.borrow());
                });
                let observer = ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok()?;
                observer.observe(&el);
                Some((observer, on_resize))
            });
            move || {
                if let Some((observer, _on_resize)) = observer {
                    observer.disconnect();
                }
                if let Some(painter) = painter.borrow_mut().take() {
                    let _ = painter.call1(&JsValue::NULL, &JsValue::NULL);
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
                send(painter.borrow().as_ref(), measured, paint);
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

/// Sends `paint`'s frame for a box of `css_w` × `css_h` CSS px to the painter, if there is one.
fn send(painter: Option<&js_sys::Function>, (css_w, css_h): (f64, f64), paint: &Paint) {
    let Some(painter) = painter else { return };
    let device = web_sys::window().map_or(1.0, |w| w.device_pixel_ratio());
    let frame = js_sys::Float64Array::from(paint.frame(css_w, css_h, device).as_slice());
    let _ = painter.call1(&JsValue::NULL, &frame);
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
