//! The console component: a terminal (scrollback, prompt) and the tutorial level beside it.
//! Thin: the shell, the CLI and the checks are plain Rust (`console`, `ui::console`, `model.rs`).

use super::model::{commands, current};
use super::snapshot::{http_request, http_response, is_table, ConsoleSnapshot};
use crate::console::CliVersion;
use crate::i18n::console_view::{Step, Text as C};
use crate::i18n::{Lang, Phrase};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Props of [`Console`].
#[derive(Properties, PartialEq)]
pub struct ConsoleProps {
    /// Language.
    pub lang: Lang,
    /// What the console shows.
    pub snapshot: ConsoleSnapshot,
    /// Lines to put in the prompt when the view opens (a `cmd=` link).
    #[prop_or_default]
    pub pretyped: Option<String>,
    /// Runs lines (Enter, a paste of several lines).
    pub on_run: Callback<String>,
    /// Empties the scrollback (Ctrl+L, the Clear button).
    pub on_clear: Callback<()>,
    /// Picks the emulated CLI.
    pub on_cli: Callback<CliVersion>,
    /// Completes the prompt's text (Tab): the completed text, or the same text.
    pub complete: Callback<String, (String, Vec<String>)>,
}

/// The console view.
#[component]
pub fn Console(props: &ConsoleProps) -> Html {
    let lang = props.lang;
    let snap = &props.snapshot;
    let input = use_node_ref();
    let scroll = use_node_ref();
    let text = use_state(|| props.pretyped.clone().unwrap_or_default());
    // Where ↑/↓ is in the history (None: the line being typed) and that line.
    let walk = use_mut_ref(|| (None::<usize>, String::new()));
    let hint = use_state(Vec::<String>::new);

    // Keep the newest output in sight.
    {
        let scroll = scroll.clone();
        use_effect_with(snap.entries.last().map(|e| e.id), move |_| {
            if let Some(el) = scroll.cast::<web_sys::Element>() {
                el.set_scroll_top(el.scroll_height());
            }
        });
    }

    let run_text = {
        let on_run = props.on_run.clone();
        let text = text.clone();
        let walk = walk.clone();
        let hint = hint.clone();
        Callback::from(move |line: String| {
            on_run.emit(line);
            text.set(String::new());
            *walk.borrow_mut() = (None, String::new());
            hint.set(Vec::new());
        })
    };
    let oninput = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(el) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                text.set(el.value());
            }
        })
    };
    let onkeydown = {
        let text = text.clone();
        let run_text = run_text.clone();
        let history = snap.history.clone();
        let walk = walk.clone();
        let on_clear = props.on_clear.clone();
        let complete = props.complete.clone();
        let hint = hint.clone();
        Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
            "Enter" => {
                e.prevent_default();
                run_text.emit((*text).clone());
            }
            "ArrowUp" | "ArrowDown" if !history.is_empty() => {
                e.prevent_default();
                let mut w = walk.borrow_mut();
                let up = e.key() == "ArrowUp";
                let next = match (w.0, up) {
                    (None, true) => {
                        w.1 = (*text).clone();
                        Some(history.len() - 1)
                    }
                    (None, false) => None,
                    (Some(i), true) => Some(i.saturating_sub(1)),
                    (Some(i), false) if i + 1 < history.len() => Some(i + 1),
                    (Some(_), false) => None,
                };
                w.0 = next;
                text.set(next.and_then(|i| history.get(i).cloned()).unwrap_or_else(|| w.1.clone()));
            }
            "Tab" if !e.shift_key() && !text.is_empty() => {
                e.prevent_default();
                let (completed, candidates) = complete.emit((*text).clone());
                text.set(completed);
                hint.set(candidates);
            }
            "l" | "L" if e.ctrl_key() => {
                e.prevent_default();
                on_clear.emit(());
            }
            _ => {}
        })
    };
    let onpaste = {
        let text = text.clone();
        let run_text = run_text.clone();
        Callback::from(move |e: Event| {
            let Some(e) = e.dyn_ref::<web_sys::ClipboardEvent>() else { return };
            let Some(data) = e.clipboard_data() else { return };
            let Ok(pasted) = data.get_data("text") else { return };
            if pasted.trim_end_matches(['\n', '\r']).contains('\n') {
                e.prevent_default();
                // The typed text and the paste are one input; every complete line runs.
                run_text.emit(format!("{}{}", *text, pasted));
            }
        })
    };
    let onsubmit = {
        let text = text.clone();
        let run_text = run_text.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            run_text.emit((*text).clone());
        })
    };
    let clear = {
        let on_clear = props.on_clear.clone();
        Callback::from(move |_| on_clear.emit(()))
    };
    let on_cli = {
        let on_cli = props.on_cli.clone();
        Callback::from(move |e: Event| {
            if let Some(el) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok()) {
                on_cli.emit(if el.value() == "v1" { CliVersion::V1 } else { CliVersion::V2 });
            }
        })
    };

    let entries = snap.entries.iter().map(|e| {
        let o = &e.ran.outcome;
        let exchanges = o.exchanges.iter().enumerate().map(|(i, x)| {
            html! {
                <div class="exchange" key={i}>
                    <p class="label">{ C::Request.text(lang) }</p>
                    <pre lang="en">{ http_request(x, &snap.region) }</pre>
                    <p class="label">{ C::Response.text(lang) }</p>
                    <pre lang="en">{ http_response(x) }</pre>
                </div>
            }
        });
        html! {
            <li class="entry" key={e.id} data-testid="console-entry">
                <p class="cmd"><span class="ps1" aria-hidden="true">{ "$ " }</span><code lang="en">{ &e.ran.line }</code></p>
                if !o.stdout.is_empty() {
                    <pre class={classes!("stdout", is_table(&o.stdout).then_some("table"))} lang="en" data-testid="console-stdout">{ &o.stdout }</pre>
                }
                if !o.stderr.is_empty() {
                    <pre class="stderr" data-testid="console-stderr">{ &o.stderr }</pre>
                }
                if o.status != 0 {
                    <p class="exit-status" data-testid="console-status">{ format!("{} {}", C::ExitStatus.text(lang), o.status) }</p>
                }
                { for o.notes.iter().map(|n| html! { <p class="note" data-testid="console-note">{ n }</p> }) }
                if !o.exchanges.is_empty() {
                    <details class="http" data-testid="console-http">
                        <summary>{ C::HttpFold.text(lang) }{ format!(" · {}", o.exchanges.iter().map(|x| x.operation.as_str()).collect::<Vec<_>>().join(", ")) }</summary>
                        { for exchanges }
                    </details>
                }
            </li>
        }
    });

    let done = &snap.done;
    let now = current(done);
    let steps: Vec<Html> = Step::ALL.iter().enumerate().map(|(i, step)| {
        let ok = done.get(i).copied().unwrap_or(false);
        let open = snap.open_step.map_or(now == Some(i), |s| s == i);
        let buttons = commands(*step).iter().map(|c| {
            let text = text.clone();
            let input = input.clone();
            let line = c.to_string();
            let onclick = Callback::from(move |_| {
                text.set(line.clone());
                if let Some(el) = input.cast::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                }
            });
            html! {
                <div class="typed" key={*c}>
                    <code lang="en">{ *c }</code>
                    <button type="button" onclick={onclick} data-testid="level-type">{ C::Type.text(lang) }</button>
                </div>
            }
        });
        html! {
            <li key={i} class={classes!("step", ok.then_some("done"), (now == Some(i)).then_some("current"))} data-testid="level-step" data-done={ok.to_string()}>
                <details open={open}>
                    <summary>
                        <span class="step-mark" aria-hidden="true">{ if ok { "✓" } else { "○" } }</span>
                        <span>{ format!("{}. {}", i + 1, step.text(lang)) }</span>
                        <span class="sr-only">{ format!(" ({})", if ok { C::Done.text(lang) } else { C::ToDo.text(lang) }) }</span>
                    </summary>
                    { for buttons }
                    <p class="look"><strong>{ C::LookFor.text(lang) }{ ": " }</strong>{ step.look_for().text(lang) }</p>
                </details>
            </li>
        }
    }).collect();
    let diffs = [C::DiffHashKey, C::DiffArn, C::DiffTimestamps, C::DiffBlob, C::DiffError];

    html! {
        <section class="console" data-testid="console" aria-labelledby="console-h">
            <h2 id="console-h">{ C::Title.text(lang) }</h2>
            <p class="help">{ C::Intro.text(lang) }</p>
            <div class="console-grid">
                <div class="terminal">
                    <div class="term-bar">
                        <label>{ C::CliVersion.text(lang) }{ " " }
                            <select onchange={on_cli} data-testid="console-cli">
                                <option value="v2" selected={snap.version == CliVersion::V2}>{ C::CliV2.text(lang) }</option>
                                <option value="v1" selected={snap.version == CliVersion::V1}>{ C::CliV1.text(lang) }</option>
                            </select>
                        </label>
                        <button type="button" class="ghost" onclick={clear}>{ C::Clear.text(lang) }</button>
                    </div>
                    <div class="scroll" ref={scroll} tabindex="0" role="log" aria-live="polite" aria-label={C::Scrollback.text(lang)} data-testid="console-log">
                        if snap.entries.is_empty() {
                            <p class="empty">{ C::Empty.text(lang) }</p>
                        }
                        <ol class="entries">{ for entries }</ol>
                    </div>
                    <form class="prompt" onsubmit={onsubmit}>
                        <label for="console-input"><span aria-hidden="true">{ "$" }</span><span class="sr-only">{ C::PromptLabel.text(lang) }</span></label>
                        <input id="console-input" ref={input} type="text" value={(*text).clone()} {oninput} {onkeydown} {onpaste}
                            autocomplete="off" autocapitalize="off" spellcheck="false" enterkeyhint="send"
                            data-testid="console-input" />
                        <button type="submit" data-testid="console-run">{ C::Run.text(lang) }</button>
                    </form>
                    if !hint.is_empty() {
                        <p class="completions" data-testid="console-completions" lang="en">{ hint.join("  ") }</p>
                    }
                    <p class="keys">{ C::KeysHelp.text(lang) }</p>
                </div>
                <aside class="level" aria-labelledby="level-h" data-testid="level">
                    <h3 id="level-h">{ C::LevelTitle.text(lang) }</h3>
                    <p class="help">{ C::LevelIntro.text(lang) }</p>
                    <ol class="level-steps">{ steps }</ol>
                    if now.is_none() {
                        <p class="all-done" role="status" data-testid="level-done">{ C::AllDone.text(lang) }</p>
                    }
                    <details class="diffs" data-testid="level-diffs">
                        <summary>{ C::DiffTitle.text(lang) }</summary>
                        <ul>{ for diffs.iter().map(|d| html! { <li>{ d.text(lang) }</li> }) }</ul>
                    </details>
                </aside>
            </div>
        </section>
    }
}
