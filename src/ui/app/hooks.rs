//! Hooks that own browser handles (an animation-frame loop, event listeners). Dropping a hook's
//! handle cancels it, so nothing outlives its component (STYLE rule 9).

use crate::ui::keys::{key_action, KeyAction, Target};
use gloo::events::{EventListener, EventListenerOptions, EventListenerPhase};
use gloo::render::{request_animation_frame, AnimationFrame};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Calls `on_frame(wall µs since the previous frame)` on every animation frame while `active`.
/// The first frame after (re)starting reports 0, so a pause never turns into a jump.
#[hook]
pub fn use_animation_frame(active: bool, on_frame: Callback<u64>) {
    use_effect_with(active, move |active| {
        let handle: Rc<RefCell<Option<AnimationFrame>>> = Rc::new(RefCell::new(None));
        if *active {
            let last: Rc<RefCell<Option<f64>>> = Rc::new(RefCell::new(None));
            schedule(handle.clone(), last, on_frame);
        }
        move || {
            handle.borrow_mut().take();
        }
    });
}

fn schedule(handle: Rc<RefCell<Option<AnimationFrame>>>, last: Rc<RefCell<Option<f64>>>, on_frame: Callback<u64>) {
    let next = handle.clone();
    let frame = request_animation_frame(move |ts: f64| {
        let prev = last.borrow_mut().replace(ts);
        let wall_us = prev.map_or(0.0, |p| ((ts - p) * 1000.0).max(0.0));
        // Saturating float-to-int conversion: a NaN or huge gap becomes 0 or u64::MAX, and the
        // pacer caps it anyway.
        on_frame.emit(wall_us as u64);
        schedule(next, last, on_frame);
    });
    *handle.borrow_mut() = Some(frame);
}

/// The keyboard shortcuts, for as long as the component lives: Space plays or pauses, → steps
/// (the decision, and why a control clicked with the mouse gives Space up: [`crate::ui::keys`]).
///
/// It listens on the window: `pointerdown` (capture) remembers the element pressed, `focusin`
/// forgets it when the focus lands on an element that the press did not focus (Tab, a script),
/// and `keydown` asks [`key_action`] with "pointer-focused" meaning "the last press focused the
/// focused element" ([`pressed_on`]).
#[hook]
pub fn use_shortcuts(on_toggle: Callback<()>, on_step: Callback<()>) {
    use_effect_with((), move |_| {
        let pressed: Rc<RefCell<Option<web_sys::Element>>> = Rc::new(RefCell::new(None));
        let listeners = web_sys::window().map(|w| {
            let capture = EventListenerOptions { phase: EventListenerPhase::Capture, passive: true };
            let p = pressed.clone();
            let down = EventListener::new_with_options(&w, "pointerdown", capture, move |e| {
                *p.borrow_mut() = element(e.target());
            });
            let p = pressed.clone();
            let focus = EventListener::new_with_options(&w, "focusin", capture, move |e| {
                let keep =
                    element(e.target()).is_some_and(|el| p.borrow().as_ref().is_some_and(|t| pressed_on(&el, t)));
                if !keep {
                    p.borrow_mut().take();
                }
            });
            let p = pressed;
            // Not passive: Space must not scroll the page, nor click a control, when it plays.
            let keys = EventListener::new_with_options(
                &w,
                "keydown",
                EventListenerOptions::enable_prevent_default(),
                move |e| {
                    let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else { return };
                    let el = element(e.target());
                    let target = el.as_ref().map_or(Target::Other, |el| {
                        Target::of(&el.tag_name(), &el.get_attribute("type").unwrap_or_default())
                    });
                    let pointer = el.is_some_and(|el| p.borrow().as_ref().is_some_and(|t| pressed_on(&el, t)));
                    let modified = e.ctrl_key() || e.meta_key() || e.alt_key();
                    match key_action(&e.key(), target, pointer, modified) {
                        KeyAction::Native => {}
                        KeyAction::TogglePlay => {
                            e.prevent_default();
                            on_toggle.emit(());
                        }
                        KeyAction::Step => {
                            e.prevent_default();
                            on_step.emit(());
                        }
                    }
                },
            );
            [down, focus, keys]
        });
        move || drop(listeners)
    });
}

/// Whether a press on `pressed` is what focused `focused`: it is inside it, or inside a label
/// that wraps it (a click on "Límites por shard" focuses its checkbox).
fn pressed_on(focused: &web_sys::Element, pressed: &web_sys::Element) -> bool {
    focused.contains(Some(pressed.as_ref()))
        || pressed.closest("label").ok().flatten().is_some_and(|label| label.contains(Some(focused.as_ref())))
}

fn element(target: Option<web_sys::EventTarget>) -> Option<web_sys::Element> {
    target.and_then(|t| t.dyn_into::<web_sys::Element>().ok())
}
