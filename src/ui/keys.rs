//! The keyboard shortcuts (Space plays or pauses, → steps) and when they give way to the
//! focused element. Pure, so the decision is tested natively; `app/hooks.rs` feeds it the
//! browser's events.
//!
//! The problem: Space is both the app's play key and the key that activates a focused button
//! (and toggles a checkbox, opens a select, toggles a `<summary>`). A student who clicks
//! "Añadir consumidor" with the mouse keeps the focus on that button, and each Space then added
//! another consumer instead of playing.
//!
//! The design: what matters is *how the focused control got the focus*.
//!
//! ```text
//!  pointerdown on a control ──► that control is "pointer-focused"
//!  focus moves to an element that does not contain the last pointerdown target (Tab, script)
//!                           ──► nothing is pointer-focused any more
//!  Space on a text field                      ──► typing (never a shortcut)
//!  Space on a pointer-focused control         ──► preventDefault + play/pause (no repeat)
//!  Space on a keyboard-focused control        ──► the browser's own activation (accessibility)
//!  Space anywhere else (body, a link, the SVG) ──► preventDefault + play/pause
//! ```
//!
//! A keyboard user who Tabs to a button and presses Space or Enter still activates it, as
//! WAI-ARIA's button pattern requires; a mouse user already activated it with the click, so the
//! play key can mean play. `:focus-visible` cannot make this choice: Chromium turns it on for a
//! mouse-focused button as soon as a key is pressed, before the page's `keydown` handler runs.

/// What kind of element a key event is aimed at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// A field that takes typed text: Space and arrows are for editing.
    TextEntry,
    /// A select: Space opens it and arrows pick an option.
    Select,
    /// A control that Space activates: a button, checkbox, radio, `<summary>`.
    Control,
    /// Anything else (the page, a link, a drawing).
    Other,
}

impl Target {
    /// The kind of an element from its tag name (any case) and, for `<input>`, its `type`
    /// attribute.
    pub fn of(tag: &str, input_type: &str) -> Target {
        match tag.to_ascii_lowercase().as_str() {
            "textarea" => Target::TextEntry,
            "select" => Target::Select,
            "button" | "summary" => Target::Control,
            "input" => match input_type.to_ascii_lowercase().as_str() {
                "button" | "submit" | "reset" | "checkbox" | "radio" | "image" | "file" | "color" => Target::Control,
                // Text, number, search, email, a missing type…: fields one types into.
                _ => Target::TextEntry,
            },
            _ => Target::Other,
        }
    }
}

/// What a key press does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyAction {
    /// Nothing of ours: the browser does what it always does.
    Native,
    /// Prevent the browser's default and play or pause.
    TogglePlay,
    /// Prevent the browser's default and step the clock.
    Step,
}

/// What `key` (a `KeyboardEvent.key`) does when aimed at `target`, which the pointer focused
/// (`pointer_focused`) or not; `modified` is true while Ctrl, Alt or Meta is held.
pub fn key_action(key: &str, target: Target, pointer_focused: bool, modified: bool) -> KeyAction {
    if modified {
        return KeyAction::Native;
    }
    match (key, target) {
        (_, Target::TextEntry) => KeyAction::Native,
        (" ", Target::Control | Target::Select) if !pointer_focused => KeyAction::Native,
        (" ", _) => KeyAction::TogglePlay,
        ("ArrowRight", Target::Select) => KeyAction::Native,
        ("ArrowRight", _) => KeyAction::Step,
        _ => KeyAction::Native,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elements_are_classified_by_tag_and_input_type() {
        assert_eq!(Target::of("BUTTON", ""), Target::Control);
        assert_eq!(Target::of("summary", ""), Target::Control);
        assert_eq!(Target::of("INPUT", "checkbox"), Target::Control);
        assert_eq!(Target::of("INPUT", "number"), Target::TextEntry);
        assert_eq!(Target::of("INPUT", "text"), Target::TextEntry);
        assert_eq!(Target::of("input", ""), Target::TextEntry);
        assert_eq!(Target::of("TEXTAREA", ""), Target::TextEntry);
        assert_eq!(Target::of("SELECT", ""), Target::Select);
        assert_eq!(Target::of("A", ""), Target::Other);
        assert_eq!(Target::of("BODY", ""), Target::Other);
    }

    /// The bug of #14: Space on a button clicked with the mouse clicked it again.
    #[test]
    fn space_on_a_pointer_focused_control_plays_instead_of_repeating_it() {
        for target in [Target::Control, Target::Select] {
            assert_eq!(key_action(" ", target, true, false), KeyAction::TogglePlay, "{target:?}");
        }
    }

    #[test]
    fn space_on_a_keyboard_focused_control_keeps_native_activation() {
        for target in [Target::Control, Target::Select] {
            assert_eq!(key_action(" ", target, false, false), KeyAction::Native, "{target:?}");
        }
    }

    #[test]
    fn text_fields_keep_every_key_for_typing() {
        for key in [" ", "ArrowRight"] {
            for pointer in [true, false] {
                assert_eq!(key_action(key, Target::TextEntry, pointer, false), KeyAction::Native);
            }
        }
    }

    #[test]
    fn elsewhere_space_plays_and_the_right_arrow_steps() {
        assert_eq!(key_action(" ", Target::Other, false, false), KeyAction::TogglePlay);
        assert_eq!(key_action("ArrowRight", Target::Other, false, false), KeyAction::Step);
        assert_eq!(key_action("ArrowRight", Target::Control, false, false), KeyAction::Step);
        assert_eq!(key_action("ArrowRight", Target::Select, true, false), KeyAction::Native);
        assert_eq!(key_action("Enter", Target::Control, true, false), KeyAction::Native);
    }

    #[test]
    fn modifiers_leave_every_key_to_the_browser() {
        assert_eq!(key_action(" ", Target::Other, false, true), KeyAction::Native);
        assert_eq!(key_action("ArrowRight", Target::Other, false, true), KeyAction::Native);
    }
}
