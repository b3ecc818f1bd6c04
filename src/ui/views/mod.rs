//! The views: each a folder with a pure `model.rs` (geometry, tested natively) and a thin
//! component (wasm32 only). The overview, flow and resharding views also have a
//! `snapshot.rs`: what they show, built from the simulation by the app and passed down as props.

pub mod code;
pub mod console;
pub mod cost;
pub mod dots;
pub mod durability;
pub mod firehose;
pub mod flow;
pub mod glossary;
pub mod hashing;
pub mod kcl;
pub mod live_input;
pub mod metrics;
pub mod overview;
pub mod pipelines;
pub mod resharding;
pub mod retention;
pub mod toggletip;

/// An SVG coordinate or length with one decimal, as `format!("{v:.1}")` prints it but without
/// the float formatting machinery: the lanes print hundreds of these every frame, and `{:.1}`
/// (exact decimal expansion, Grisu with a Dragon fallback) was a tenth of the flow view's script
/// time (benches/README.md, "Frame times"). The same digits as `{:.1}`, which rounds the exact
/// value to the nearest tenth, ties to even; except that `-0.0` (and anything that rounds to it)
/// prints as `0.0`. Values that are not finite or beyond ±10^14 fall back to `{:.1}`.
pub fn f1(v: f64) -> String {
    const LIMIT: f64 = 1e14;
    if !v.is_finite() || v.abs() >= LIMIT {
        return format!("{v:.1}");
    }
    // Below 2^52 every half-integer is a double, so rounding the product never crosses one: the
    // rounded `v × 10` lands on a half only when the exact one lies on or beside it, and the
    // product's exact error (one fused multiply-add) says which side.
    let t = v * 10.0;
    let tenths = if (t - t.trunc()).abs() == 0.5 {
        match v.mul_add(10.0, -t) {
            e if e > 0.0 => t.ceil(),
            e if e < 0.0 => t.floor(),
            _ => t.round_ties_even(),
        }
    } else {
        t.round()
    };
    // |tenths| < 10^15 < 2^63: the cast is exact.
    let tenths = tenths as i64;
    let (negative, mut n) = (tenths < 0, tenths.unsigned_abs());
    // Digits from the right: the tenth, the point, then the integer part (at least one digit).
    let mut buf = [0u8; 24];
    let mut at = buf.len();
    let mut push = |b: u8| {
        at -= 1;
        buf[at] = b;
    };
    push(b'0' + (n % 10) as u8);
    push(b'.');
    n /= 10;
    loop {
        push(b'0' + (n % 10) as u8);
        n /= 10;
        if n == 0 {
            break;
        }
    }
    if negative {
        push(b'-');
    }
    buf[at..].iter().map(|&b| char::from(b)).collect()
}

/// The element matching `selector` at or above the target of `e`: the element whose `onclick`
/// handles it. Yew delegates events to the app's root (`yew::Renderer` renders into the body),
/// so in every handler `e.current_target()` is the body, not the element that declared the
/// listener.
#[cfg(target_arch = "wasm32")]
pub fn handler_element(e: &web_sys::Event, selector: &str) -> Option<web_sys::Element> {
    use wasm_bindgen::JsCast;
    e.target()?.dyn_into::<web_sys::Element>().ok()?.closest(selector).ok()?
}

#[cfg(target_arch = "wasm32")]
thread_local! {
    /// [`is_narrow`]'s answer, kept until the window's next `resize` event; `None` before the
    /// first question and after a resize.
    static NARROW: std::cell::Cell<Option<bool>> = const { std::cell::Cell::new(None) };
    /// The `resize` listener that forgets [`NARROW`], added by the first question.
    static NARROW_RESIZE: std::cell::OnceCell<gloo::events::EventListener> = const { std::cell::OnceCell::new() };
}

/// True on a phone-sized window: views then draw their narrow layout.
///
/// The views ask on every frame the clock runs. Reading `window.innerWidth` lays the page out
/// first when something changed, and on a phone's screen something always has (the frame's own
/// updates): issue #19 measured it as a forced layout in every frame. So the answer is kept
/// until the window is resized (a phone turned, a window dragged, a keyboard opened), and the
/// next question after that reads the width again.
#[cfg(target_arch = "wasm32")]
pub fn is_narrow() -> bool {
    if let Some(narrow) = NARROW.with(std::cell::Cell::get) {
        return narrow;
    }
    let Some(w) = web_sys::window() else {
        return false;
    };
    let narrow = w.inner_width().ok().and_then(|v| v.as_f64()).is_some_and(|px| px < overview::model::NARROW_BELOW_PX);
    NARROW_RESIZE.with(|l| {
        l.get_or_init(|| gloo::events::EventListener::new(&w, "resize", |_| NARROW.with(|n| n.set(None))));
    });
    NARROW.with(|n| n.set(Some(narrow)));
    narrow
}

/// What a record of the student's is called: put in the console, or by their own client (the
/// live window).
pub fn yours_text(live: bool, lang: crate::i18n::Lang) -> &'static str {
    use crate::i18n::Phrase;
    if live {
        crate::i18n::live::Text::Yours.text(lang)
    } else {
        crate::i18n::console_view::Text::Yours.text(lang)
    }
}

/// The note a view shows in place of the scenario's producers and consumers when it draws
/// another stream than the scenario's (`scenario`: that stream's name, `None` when it draws the
/// scenario's own and the note is not needed).
#[cfg(target_arch = "wasm32")]
pub fn other_stream_note(lang: crate::i18n::Lang, shown: &str, scenario: Option<&String>) -> yew::Html {
    use crate::i18n::Message;
    let Some(scenario) = scenario else { return yew::Html::default() };
    let text = crate::i18n::app::Msg::OtherStream { shown: shown.to_string(), scenario: scenario.clone() }.text(lang);
    yew::html! { <p class="note other-stream" data-testid="other-stream-note">{ text }</p> }
}

/// The short note a view's consumers part shows instead of them when the view draws another
/// stream than the scenario's (nothing when `scenario` is `None`).
#[cfg(target_arch = "wasm32")]
pub fn consumers_elsewhere_note(lang: crate::i18n::Lang, scenario: Option<&String>) -> yew::Html {
    use crate::i18n::Message;
    let Some(scenario) = scenario else { return yew::Html::default() };
    let text = crate::i18n::app::Msg::ConsumersElsewhere { scenario: scenario.clone() }.text(lang);
    yew::html! { <p class="help muted" data-testid="consumers-elsewhere">{ text }</p> }
}

#[cfg(test)]
mod tests {
    use super::f1;

    #[test]
    fn f1_prints_what_one_decimal_formatting_prints() {
        // A sweep of the coordinates the views draw (negative, fractional, thousands).
        let mut v = -1234.567;
        while v < 5000.0 {
            assert_eq!(f1(v), format!("{v:.1}").replace("-0.0", "0.0"), "{v}");
            v += 0.0731;
        }
        // Exact ties (to even), products that round onto a tie from either side, large values.
        for v in [0.0, 0.25, 0.75, 1.25, -0.25, 0.35, 1.45, -1229.45, 0.15, 9.96, 10.04, 99.95001, -0.06, 0.1 + 0.2] {
            assert_eq!(f1(v), format!("{v:.1}"), "{v}");
        }
        for v in [123_456_789.12, 99_999_999_999_999.95, 12_345_678_901.25, 4_503_599_627.35] {
            assert_eq!(f1(v), format!("{v:.1}"), "{v}");
        }
    }

    #[test]
    fn f1_rounds_around_every_half_tenth_as_one_decimal_formatting() {
        for k in -40_000..40_000 {
            let v = f64::from(k) / 20.0;
            for v in [v, v.next_up(), v.next_down()] {
                assert_eq!(f1(v), format!("{v:.1}").replace("-0.0", "0.0"), "{v:e}");
            }
        }
    }

    #[test]
    fn f1_edge_values() {
        assert_eq!(f1(-0.0), "0.0");
        assert_eq!(f1(-0.04), "0.0");
        assert_eq!(f1(f64::NAN), "NaN");
        assert_eq!(f1(f64::INFINITY), "inf");
        assert_eq!(f1(2e15), format!("{:.1}", 2e15));
    }
}
