//! Hooks that own browser handles (an animation-frame loop, event listeners). Dropping a hook's
//! handle cancels it, so nothing outlives its component (STYLE rule 9).

use gloo::render::{request_animation_frame, AnimationFrame};
use std::cell::RefCell;
use std::rc::Rc;
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
