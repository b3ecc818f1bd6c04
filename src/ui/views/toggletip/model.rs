//! What a toggletip does with each input: pure, so it is tested natively.

/// An input a toggletip reacts to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Input {
    /// A click or tap on the button (Enter and Space click a button).
    Press,
    /// A key pressed on the button or the text, by its `KeyboardEvent.key`.
    Key(&'static str),
}

/// Whether the toggletip is open after `input`, from `open`.
pub fn next(open: bool, input: Input) -> bool {
    match input {
        Input::Press => !open,
        Input::Key("Escape" | "Esc") => false,
        Input::Key(_) => open,
    }
}

/// The key of a `KeyboardEvent` as an [`Input`]: only Escape matters (Enter and Space reach the
/// button as clicks).
pub fn key_input(key: &str) -> Input {
    match key {
        "Escape" | "Esc" => Input::Key("Escape"),
        _ => Input::Key(""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_press_toggles_escape_closes_other_keys_do_nothing() {
        assert!(next(false, Input::Press));
        assert!(!next(true, Input::Press));
        assert!(!next(true, key_input("Escape")));
        assert!(!next(true, key_input("Esc")));
        assert!(!next(false, key_input("Escape")), "Escape never opens");
        assert!(next(true, key_input("Tab")), "moving on leaves it open");
    }
}
