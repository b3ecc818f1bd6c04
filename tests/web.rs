//! Tier (d): browser tests with `wasm-bindgen-test` in headless Chromium (`make test-web`).
//!
//! They mount the real app, drive it through its buttons, read the DOM, and compare the
//! determinism digest with the one the native build computes for the same link and steps
//! (`tests/fixtures/web-digest.json`, checked natively by `ui::sim` tests).
#![cfg(target_arch = "wasm32")]

use kinesis_playground::ui::app::App;
use kinesis_playground::ui::route::UrlState;
use kinesis_playground::ui::sim::Sim;
use std::time::Duration;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Document, Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

const FIXTURE: &str = include_str!("fixtures/web-digest.json");

struct Fixture {
    hash: String,
    steps: u64,
    digest: String,
    accepted: u64,
}

fn fixture() -> Fixture {
    let v: serde_json::Value = serde_json::from_str(FIXTURE).unwrap_or_default();
    Fixture {
        hash: v["hash"].as_str().unwrap_or_default().to_string(),
        steps: v["steps"].as_u64().unwrap_or_default(),
        digest: v["digest"].as_str().unwrap_or_default().to_string(),
        accepted: v["accepted"].as_u64().unwrap_or_default(),
    }
}

fn document() -> Document {
    web_sys::window().and_then(|w| w.document()).unwrap_or_else(|| panic!("no document"))
}

fn find(root: &Element, test_id: &str) -> Element {
    root.query_selector(&format!("[data-testid={test_id}]"))
        .ok()
        .flatten()
        .unwrap_or_else(|| panic!("no [data-testid={test_id}] in {}", root.inner_html()))
}

fn text(root: &Element, test_id: &str) -> String {
    find(root, test_id).text_content().unwrap_or_default()
}

/// The text of `[data-testid=…]`, or nothing while it is not there (for `until`).
fn text_now(root: &Element, test_id: &str) -> String {
    root.query_selector(&format!("[data-testid={test_id}]"))
        .ok()
        .flatten()
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

fn count(root: &Element, test_id: &str) -> u32 {
    root.query_selector_all(&format!("[data-testid={test_id}]")).map(|l| l.length()).unwrap_or(0)
}

/// The record dots the lanes' canvas painted (its `data-dots`).
fn dots(root: &Element) -> u32 {
    let canvas = root.query_selector("[data-testid=lane-dots]").ok().flatten();
    canvas.and_then(|c| c.get_attribute("data-dots")).and_then(|n| n.parse().ok()).unwrap_or(0)
}

fn click(root: &Element, test_id: &str) {
    find(root, test_id).dyn_into::<HtmlElement>().unwrap_or_else(|_| panic!("{test_id} is not an element")).click();
}

/// Lets Yew render what the last event scheduled.
async fn settle() {
    yew::platform::time::sleep(Duration::from_millis(20)).await;
}

/// Waits (up to 5 s, for a loaded machine) until `cond` holds; panics with `what` otherwise.
async fn until(what: &str, cond: impl Fn() -> bool) {
    for _ in 0..250 {
        if cond() {
            return;
        }
        yew::platform::time::sleep(Duration::from_millis(20)).await;
    }
    panic!("timed out waiting until {what}");
}

fn html_lang() -> Option<String> {
    document().document_element().and_then(|e| e.get_attribute("lang"))
}

#[wasm_bindgen_test]
fn the_engine_gives_the_native_digest_in_wasm() {
    let f = fixture();
    let (url, notes) = UrlState::parse(&f.hash, "");
    assert!(notes.is_empty(), "{notes:?}");
    let mut sim = Sim::new(url.sim).unwrap_or_else(|e| panic!("{e:?}"));
    for _ in 0..f.steps {
        sim.step_second();
    }
    assert_eq!(sim.digest(), f.digest);
}

/// Issue #18: the live window's replay of the endpoint's log gives, in wasm, the digest the
/// native engine gave (`tests/fixtures/live-ticks.json`, asserted by `tests/world/live.rs`).
#[wasm_bindgen_test]
fn the_live_window_gives_the_endpoint_s_digest_in_wasm() {
    use kinesis_playground::ui::live::{LiveEvent, LiveFeed, Tick};
    let ticks: serde_json::Value = serde_json::from_str(include_str!("fixtures/live-ticks.json")).unwrap_or_default();
    let last = ticks["ticks"].as_array().and_then(|t| t.last()).cloned().unwrap_or_default();
    let tick = Tick {
        at_ms: last["at_ms"].as_u64().unwrap_or_default(),
        calls: last["calls"].as_u64().unwrap_or_default(),
        digest: last["digest"].as_str().unwrap_or_default().to_string(),
    };
    let mut feed = LiveFeed::new("/live/log");
    let config = serde_json::json!({"config": ticks["config"], "speed": 1.0, "calls": tick.calls}).to_string();
    feed.receive(LiveEvent::parse("config", "", &config).unwrap_or_else(|e| panic!("{e:?}")));
    let mut sim = Sim::live(feed.config.clone().unwrap_or_default());
    for (i, line) in include_str!("fixtures/live-log.jsonl").lines().enumerate() {
        let event = LiveEvent::parse("call", &(i + 1).to_string(), line).unwrap_or_else(|e| panic!("{e:?}"));
        feed.receive(event);
    }
    feed.receive(LiveEvent::Tick(tick.clone()));
    for _ in 0..3 {
        feed.advance(&mut sim, 16);
    }
    let check = feed.check.clone().unwrap_or_else(|| panic!("no tick compared"));
    assert_eq!((&check.tick, check.agrees()), (&tick, true), "ours {}", check.ours);
}

#[wasm_bindgen_test]
async fn the_app_mounts_steps_and_shows_the_native_digest() {
    let f = fixture();
    let w = web_sys::window().unwrap_or_else(|| panic!("no window"));
    let root = mount(&f.hash).await;
    assert_eq!(text(&root, "clock"), "00:00:00.0");
    assert_eq!(count(&root, "shard-lane"), 4, "shards=4 from the link");
    let seed = find(&root, "seed").dyn_into::<web_sys::HtmlInputElement>().map(|i| i.value()).unwrap_or_default();
    assert_eq!(seed, "7");
    for i in 1..=f.steps {
        click(&root, "step");
        let want = format!("00:00:{i:02}.0");
        until(&want, || text(&root, "clock") == want).await;
    }
    assert_eq!(text(&root, "accepted-total"), f.accepted.to_string());
    assert!(dots(&root) > 0, "records are drawn");
    assert_eq!(text(&root, "digest"), f.digest, "the browser run equals the native one");

    // The hash follows the state, and the language switch changes every string.
    let hash = w.location().hash().unwrap_or_default();
    assert!(hash.starts_with("#/overview?seed=7&shards=4&rate=50&lang="), "{hash}");
    click(&root, "lang-es");
    until("<html lang> is es", || html_lang().as_deref() == Some("es")).await;
    assert_eq!(find(&root, "play").get_attribute("title").as_deref(), Some("Reproducir"));
    click(&root, "lang-en");
    until("<html lang> is en", || html_lang().as_deref() == Some("en")).await;
    assert_eq!(find(&root, "play").get_attribute("title").as_deref(), Some("Play"));
    assert!(w.location().hash().unwrap_or_default().contains("lang=en"));

    // Play runs the clock on animation frames; pause stops it.
    click(&root, "play");
    let stepped = format!("00:00:{:02}.0", f.steps);
    until("the clock moves while playing", || text(&root, "clock") != stepped).await;
    click(&root, "play");
    until("paused", || find(&root, "play").get_attribute("aria-pressed").as_deref() == Some("false")).await;
    let paused_at = text(&root, "clock");
    yew::platform::time::sleep(Duration::from_millis(200)).await;
    assert_eq!(text(&root, "clock"), paused_at, "paused");
}

/// The simulated clock (`30:00:00.0`), in ms.
fn clock_ms(root: &Element) -> u64 {
    let t = text_now(root, "clock");
    let mut parts = t.split([':', '.']).map(|p| p.parse::<u64>().unwrap_or(0));
    let (h, m, s, d) = (parts.next(), parts.next(), parts.next(), parts.next());
    ((h.unwrap_or(0) * 60 + m.unwrap_or(0)) * 60 + s.unwrap_or(0)) * 1000 + d.unwrap_or(0) * 100
}

/// The number a `[data-testid=…]` text starts with (`432000 expired` → 432000).
fn leading_number(root: &Element, test_id: &str) -> u64 {
    // The first word, without the language's grouping separator ("1,234" in EN, "12.345" in ES).
    number(text_now(root, test_id).split_whitespace().next().unwrap_or_default())
}

/// Plays until `cond` holds (looking every 20 ms, for at most `max_s` wall seconds on a loaded
/// machine), then pauses and waits until the clock stands still.
async fn play_until(root: &Element, what: &str, max_s: u32, cond: impl Fn() -> bool) {
    click(root, "play");
    for _ in 0..max_s * 50 {
        if cond() {
            break;
        }
        yew::platform::time::sleep(Duration::from_millis(20)).await;
    }
    click(root, "play");
    until("paused", || find(root, "play").get_attribute("aria-pressed").as_deref() == Some("false")).await;
    assert!(cond(), "timed out playing until {what}");
}

/// Types `value` into the `[data-testid=…]` input, as a person does.
fn fill(root: &Element, test_id: &str, value: &str) {
    let el = find(root, test_id);
    if let Some(i) = el.dyn_ref::<web_sys::HtmlInputElement>() {
        i.set_value(value);
    }
    let e = web_sys::Event::new("input").unwrap_or_else(|_| panic!("no event"));
    el.dispatch_event(&e).unwrap_or_else(|_| panic!("dispatch"));
}

/// The times of the retention view's record marks, seconds since start: the x of each stroke
/// (`M<x> <y>V<y>`) of the rows' mark paths.
fn mark_secs(root: &Element) -> Vec<f64> {
    root.query_selector_all("[data-testid=ret-marks]")
        .map(|l| {
            (0..l.length())
                .filter_map(|i| l.item(i)?.dyn_into::<Element>().ok()?.get_attribute("d"))
                .flat_map(|d| d.split('M').filter_map(|s| s.split(' ').next()?.parse().ok()).collect::<Vec<f64>>())
                .collect()
        })
        .unwrap_or_default()
}

/// Clicks step and waits until the clock moved.
async fn step(root: &Element) {
    let before = text(root, "clock");
    click(root, "step");
    until("the clock moves by a step", || text(root, "clock") != before).await;
}

/// Mounts the app at `hash` in a fresh root and lets it render.
async fn mount(hash: &str) -> Element {
    let w = web_sys::window().unwrap_or_else(|| panic!("no window"));
    w.history()
        .and_then(|h| h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(hash)))
        .unwrap_or_else(|_| panic!("cannot set the hash"));
    let doc = document();
    let root = doc.create_element("div").unwrap_or_else(|_| panic!("no div"));
    doc.body().unwrap_or_else(|| panic!("no body")).append_child(&root).unwrap_or_else(|_| panic!("append"));
    yew::Renderer::<App>::with_root(root.clone()).render();
    settle().await;
    until("the app mounts", || count(&root, "app") == 1).await;
    root
}

#[wasm_bindgen_test]
async fn the_flow_view_throttles_exactly_the_hot_shard_and_opens_record_details() {
    let root = mount("#/flow?seed=5&scenario=hot-key&lang=en").await;
    assert_eq!(count(&root, "shard-lane"), 4);
    for i in 1..=4 {
        click(&root, "step");
        let want = format!("00:00:{i:02}.0");
        until(&want, || text(&root, "clock") == want).await;
    }
    let throttled = root.query_selector_all("[data-testid=shard-lane].throttled").map(|l| l.length()).unwrap_or(0);
    assert_eq!(throttled, 1, "exactly the hot shard flashes");
    assert!(dots(&root) > 0);
    assert_eq!(count(&root, "cursor"), 4, "one consumer, a cursor in each of four lanes");
    assert!(text(&root, "producers").contains("1,500"), "{}", text(&root, "producers"));
    let retried = number(&text(&root, "producer-retried"));
    assert!(retried > 0, "the producer's retries are visible");
    // Open a record: its key, shard and 56-digit sequence number are shown.
    click(&root, "recent-record");
    until("the details open", || count(&root, "record-seq") == 1).await;
    let seq = text(&root, "record-seq");
    assert_eq!(seq.len(), 56, "{seq}");
    assert!(text(&root, "record-shard").starts_with("shardId-"));
    assert!(!text(&root, "record-key").is_empty());
    // Kill a worker: the consumer's live workers go down.
    let before = text(&root, "consumers");
    click(&root, "kill-worker");
    until("the consumer card changes", || text(&root, "consumers") != before).await;
}

#[wasm_bindgen_test]
async fn the_hashing_view_routes_hello_and_splits_a_shard() {
    let root = mount("#/hashing?seed=7&shards=3&lang=en").await;
    // Types into a field (or picks an option) as a person does: set the value, fire the event.
    let fill = |test_id: &str, value: &str, event: &str| {
        let el = find(&root, test_id);
        if let Some(i) = el.dyn_ref::<web_sys::HtmlInputElement>() {
            i.set_value(value);
        } else if let Some(s) = el.dyn_ref::<web_sys::HtmlSelectElement>() {
            s.set_value(value);
        }
        let e = web_sys::Event::new(event).unwrap_or_else(|_| panic!("no event"));
        el.dispatch_event(&e).unwrap_or_else(|_| panic!("dispatch"));
    };

    assert_eq!(count(&root, "hashing"), 1);
    assert_eq!(count(&root, "range"), 3, "shards=3 from the link");
    fill("pk-input", "hello", "input");
    until("the MD5 of hello shows", || text(&root, "pk-md5") == "5d41402abc4b2a76b9719d911017c592").await;
    assert_eq!(text(&root, "pk-decimal"), "123957004363873451094272536567338222994");
    assert!(text(&root, "pk-shard").contains("shardId-000000000001"), "{}", text(&root, "pk-shard"));
    assert!(text(&root, "pk-bytes").contains("68") && text(&root, "pk-bytes").contains("6f"));
    assert_eq!(count(&root, "marker"), 1);

    // An ExplicitHashKey overrides the MD5; out of range, AWS's own words.
    fill("ehk-input", "0", "input");
    settle().await;
    assert!(text(&root, "pk-shard").contains("shardId-000000000000"));
    fill("ehk-input", "340282366920938463463374607431768211456", "input");
    settle().await;
    assert_eq!(
        text(&root, "ehk-error"),
        "InvalidArgumentException: Invalid ExplicitHashKey. ExplicitHashKey must be in the range: [0, 2^128-1]. Specified value was 340282366920938463463374607431768211456"
    );
    assert_eq!(count(&root, "marker"), 0, "a refused record lands nowhere");
    fill("ehk-input", "", "input");
    settle().await;

    // Records for the histogram and the moved-key count.
    for _ in 0..2 {
        step(&root).await;
    }
    assert!(count(&root, "histogram") == 1 && text(&root, "recent-keys").contains("user-"));

    // A split outside the rule: the engine's error, then a one-line explanation.
    fill("split-shard", "shardId-000000000001", "change");
    settle().await;
    fill("split-key", "1", "input");
    settle().await;
    click(&root, "split-button");
    settle().await;
    let answer = text(&root, "api-result");
    assert!(
        answer.contains("InvalidArgumentException") && answer.contains("NewStartingHashKey 1 used in SplitShard()"),
        "{answer}"
    );
    assert!(answer.contains("StartingHashKey + 2"), "explained: {answer}");

    // The midpoint split: UPDATING for 3 simulated seconds, then 4 open shards.
    fill("split-key", "170141183460469231731687303715884105728", "input");
    settle().await;
    click(&root, "split-button");
    settle().await;
    assert!(text(&root, "api-result").contains("SplitShard → 200 OK"), "{}", text(&root, "api-result"));
    assert_eq!(count(&root, "range"), 3, "still UPDATING");
    for _ in 0..3 {
        step(&root).await;
    }
    assert_eq!(count(&root, "range"), 4, "two children replace shard 1");
    let legend: Vec<String> = root
        .query_selector_all("[data-testid=range-row] code")
        .map(|l| (0..l.length()).filter_map(|i| l.item(i)?.text_content()).collect())
        .unwrap_or_default();
    assert_eq!(
        legend,
        ["shardId-000000000000", "shardId-000000000003", "shardId-000000000004", "shardId-000000000002"],
        "open shards in hash order"
    );
    let moved = text(&root, "moved-keys");
    assert!(moved.contains("shardId-000000000001") && moved.contains("No key outside the touched range"), "{moved}");
    assert!(text(&root, "pk-shard").contains("shardId-000000000003"), "hello now lands in the lower child");
}

#[wasm_bindgen_test]
async fn the_resharding_view_draws_six_shards_after_two_splits_and_a_merge() {
    let root = mount("#/resharding?seed=3&shards=1&rate=50&lang=en").await;
    assert_eq!(count(&root, "lineage-shard"), 1);
    // Split shard 0 at its middle (the default key), then wait out UPDATING.
    click(&root, "reshard-split");
    until("the split is accepted", || text_now(&root, "reshard-answer") == "SplitShard → 200 OK").await;
    // A second reshard while UPDATING is refused with AWS's message.
    click(&root, "reshard-split");
    until("the second call is refused", || text_now(&root, "reshard-answer").contains("ResourceInUseException")).await;
    for _ in 0..5 {
        step(&root).await;
    }
    assert_eq!(count(&root, "lineage-shard"), 3);
    // Split the first open shard (shardId-000000000001) again, then merge the first adjacent pair.
    click(&root, "reshard-split");
    until("the second split is accepted", || text_now(&root, "reshard-answer") == "SplitShard → 200 OK").await;
    for _ in 0..5 {
        step(&root).await;
    }
    click(&root, "reshard-merge");
    until("the merge is accepted", || text_now(&root, "reshard-answer") == "MergeShards → 200 OK").await;
    for _ in 0..5 {
        step(&root).await;
    }
    assert_eq!(count(&root, "lineage-shard"), 6, "1 + 2 + 2 + 1");
    let table = text(&root, "lineage-table");
    // shardId-5: the merge of 3 and 4 (the two children of shard 1), with both parent fields.
    assert!(table.contains("shardId-000000000005shardId-000000000003shardId-000000000004"), "{table}");
    assert!(table.contains("shardId-000000000003shardId-000000000001"), "{table}");
    assert_eq!(count(&root, "lineage-edge"), 6);
    assert!(text(&root, "reshard-events").contains("50.0%"), "{}", text(&root, "reshard-events"));
    // A children-first reader can be added next to the parent-first one.
    click(&root, "add-naive");
    until("the naive reader is listed", || text_now(&root, "ordering").contains("children first")).await;
    assert_eq!(count(&root, "out-of-order-none"), 1, "nothing out of order yet");
    // It reads every shard at once, children too: records of a parent arrive after newer records
    // of their key from a child, and are listed.
    for _ in 0..10 {
        if count(&root, "out-of-order-record") > 0 {
            break;
        }
        step(&root).await;
    }
    assert!(count(&root, "out-of-order-record") > 0, "{}", text(&root, "ordering"));
    let out_of_order: u64 = root
        .query_selector_all("[data-testid=out-of-order]")
        .map(|l| (0..l.length()).filter_map(|i| Some(number(&l.item(i)?.text_content()?))).sum())
        .unwrap_or(0);
    assert_eq!(u64::from(count(&root, "out-of-order-record")), out_of_order.min(20), "the last 20 are listed");
    let row = text(&root, "out-of-order-record");
    assert!(row.starts_with("naive-reader-") && row.matches("shardId-").count() == 2, "{row}");
}

#[wasm_bindgen_test]
async fn the_retention_view_expires_records_enforces_aws_rules_and_expires_iterators() {
    let root = mount("#/retention?seed=1&scenario=slow-consumer&speed=3600&lang=en").await;
    let fill = |test_id: &str, value: &str| fill(&root, test_id, value);
    assert_eq!(count(&root, "ret-row"), 1, "one shard");
    assert!(text(&root, "retention-hours").contains("24 h"));
    for _ in 0..3 {
        step(&root).await;
    }
    // AWS's rules, with its message and a one-line explanation.
    fill("retention-input", "100");
    settle().await;
    click(&root, "decrease");
    until("the refused decrease", || count(&root, "retention-error") == 1).await;
    let err = text(&root, "retention-error");
    assert!(err.contains("InvalidArgumentException") && err.contains("can not be longer"), "{err}");
    assert!(err.contains("use Increase"), "explained: {err}");
    fill("retention-input", "10");
    settle().await;
    click(&root, "increase");
    until("the refused increase", || text(&root, "retention-error").contains("Minimum allowed")).await;
    assert!(text(&root, "retention-error").contains("The minimum is 24 hours"), "{}", text(&root, "retention-error"));
    fill("retention-input", "9000");
    settle().await;
    click(&root, "increase");
    until("the refused field", || text(&root, "retention-error").contains("ValidationException")).await;
    assert!(
        text(&root, "retention-error").contains("the message above says why"),
        "{}",
        text(&root, "retention-error")
    );

    // A read from TRIM_HORIZON returns the first records and keeps its iterator.
    click(&root, "iter-run");
    until("a GetRecords answer", || count(&root, "read-result") == 1).await;
    assert_eq!(text(&root, "read-count"), "60", "20 records/s for 3 s");
    assert!(text(&root, "read-next").contains('…'), "NextShardIterator abbreviated");

    // Play at 3600×: after a simulated day records expire at the trim horizon.
    click(&root, "play");
    let expired = || leading_number(&root, "expired-total");
    for _ in 0..2_500 {
        if expired() > 0 {
            break;
        }
        yew::platform::time::sleep(Duration::from_millis(20)).await;
    }
    click(&root, "play");
    assert!(expired() > 0, "records expired after 24 h: {}", text(&root, "expired-total"));
    assert!(text(&root, "trim-horizon").contains("now − 24 h"));
    let retained = leading_number(&root, "retained-total");
    assert!(retained > 1_700_000, "a day of records at 20/s: {retained}");

    // The iterator kept from the start is far older than 5 minutes.
    click(&root, "iter-again");
    until("the expired iterator", || count(&root, "read-error") == 1).await;
    assert!(text(&root, "read-error").contains("ExpiredIteratorException"), "{}", text(&root, "read-error"));
    assert!(text(&root, "read-error").contains("more than 5 minutes old"), "{}", text(&root, "read-error"));

    // An increase is accepted, and says expired records stay gone.
    fill("retention-input", "48");
    settle().await;
    click(&root, "increase");
    until("the increase note", || count(&root, "retention-note") == 1).await;
    assert!(text(&root, "retention-note").contains("do not come back"));
    assert!(text(&root, "retention-hours").contains("48 h"));
    // Increasing to less than the current period is refused, and says to decrease instead.
    fill("retention-input", "30");
    settle().await;
    click(&root, "increase");
    until("the refused increase", || text_now(&root, "retention-error").contains("can not be shorter")).await;
    assert!(text(&root, "retention-error").contains("use Decrease"), "{}", text(&root, "retention-error"));
}

#[wasm_bindgen_test]
async fn a_link_with_an_unknown_scenario_runs_the_default_one_with_a_notice() {
    let root = mount("#/overview?seed=3&scenario=nope&lang=en").await;
    assert_eq!(count(&root, "shard-lane"), 1, "activity-logs has one shard");
    let notice = text(&root, "notice");
    assert!(notice.contains("scenario=nope") && notice.contains("activity-logs"), "{notice}");
    let select = find(&root, "scenario").dyn_into::<web_sys::HtmlSelectElement>().map(|s| s.value());
    assert_eq!(select.as_deref(), Ok("activity-logs"));
    // Picking a preset rebuilds the world with it, and the link names it.
    let w = web_sys::window().unwrap_or_else(|| panic!("no window"));
    if let Ok(s) = find(&root, "scenario").dyn_into::<web_sys::HtmlSelectElement>() {
        s.set_value("hot-key");
        s.dispatch_event(&web_sys::Event::new("change").unwrap_or_else(|_| panic!("no event")))
            .unwrap_or_else(|_| panic!("dispatch"));
    }
    until("the link names hot-key", || w.location().hash().unwrap_or_default().contains("scenario=hot-key")).await;
    assert_eq!(count(&root, "shard-lane"), 4, "hot-key's four shards");
}

#[wasm_bindgen_test]
async fn the_retention_view_drops_records_older_than_a_decreased_retention() {
    const HOUR_MS: u64 = 3_600_000;
    let root = mount("#/retention?seed=1&scenario=slow-consumer&speed=3600&lang=en").await;
    fill(&root, "retention-input", "48");
    settle().await;
    click(&root, "increase");
    until("the increase note", || count(&root, "retention-note") == 1).await;
    assert!(text(&root, "retention-hours").contains("48 h"));
    play_until(&root, "30 simulated hours", 150, || clock_ms(&root) >= 30 * HOUR_MS).await;

    // 48 h retention: nothing expired, marks go back to the first hours.
    let horizon_s = (clock_ms(&root) - 24 * HOUR_MS) as f64 / 1000.0;
    assert_eq!(leading_number(&root, "expired-total"), 0, "{}", text(&root, "expired-total"));
    let older = mark_secs(&root).into_iter().filter(|x| *x < horizon_s - 1.0).count();
    assert!(older > 5, "marks older than now − 24 h: {older}");
    let retained = leading_number(&root, "retained-total");

    // Decrease to 24 h: the records older than now − 24 h are deleted at once.
    fill(&root, "retention-input", "24");
    settle().await;
    click(&root, "decrease");
    until("the decrease note", || {
        text_now(&root, "retention-note").starts_with("DecreaseStreamRetentionPeriod → 200 OK")
    })
    .await;
    assert!(text(&root, "retention-note").contains("deleted right now"), "{}", text(&root, "retention-note"));
    assert!(text(&root, "retention-hours").contains("24 h"));
    let expired = leading_number(&root, "expired-total");
    assert!(expired > 400_000, "about 6 h of records at 20/s expire at once: {expired}");
    assert_eq!(leading_number(&root, "expired-count"), expired, "one shard: its row says the same");
    assert_eq!(leading_number(&root, "retained-total"), retained - expired);
    let marks = mark_secs(&root);
    assert!(!marks.is_empty());
    assert!(marks.iter().all(|x| *x >= horizon_s - 0.1), "no mark before now − 24 h ({horizon_s} s): {marks:?}");
}

#[wasm_bindgen_test]
async fn the_retention_view_shows_which_records_the_slow_consumer_lost() {
    let root = mount("#/retention?seed=1&scenario=slow-consumer&speed=3600&lang=en").await;
    assert_eq!(leading_number(&root, "consumer-lost"), 0);
    assert_eq!(count(&root, "loss-range") + count(&root, "loss-band"), 0);
    // It reads 5 of every 20 records/s: its backlog reaches 24 h, the retention, after about 32 h.
    play_until(&root, "the slow consumer loses records", 150, || leading_number(&root, "consumer-lost") > 0).await;
    let lost = leading_number(&root, "consumer-lost");
    assert!(clock_ms(&root) > 31 * 3_600_000, "{}", text(&root, "clock"));
    // The lost records are named (positions, count, shard) and highlighted on the shard's row.
    // User text (the consumer's name) is isolated with U+2068…U+2069 (#14); compare without.
    let plain = |t: String| t.replace(['\u{2068}', '\u{2069}'], "");
    let line = plain(text(&root, "loss-range"));
    assert!(line.starts_with("✗ slow-app lost records #"), "{line}");
    assert!(line.replace(',', "").contains(&format!("({lost})")) && line.contains("on shardId-000000000000"), "{line}");
    assert_eq!(count(&root, "loss-band"), 1, "one band on the one shard");
    let band =
        root.query_selector("[data-testid=loss-band] rect").ok().flatten().unwrap_or_else(|| panic!("no band rect"));
    let attr = |e: &Element, a: &str| e.get_attribute(a).and_then(|v| v.parse::<f64>().ok()).unwrap_or(f64::NAN);
    let trim = root.query_selector(".trim-line").ok().flatten().unwrap_or_else(|| panic!("no trim line"));
    assert!(attr(&band, "width") >= 3.0, "visible");
    let (right, trim_x) = (attr(&band, "x") + attr(&band, "width"), attr(&trim, "x1"));
    assert!(right <= trim_x + 0.15, "expired records: left of the trim horizon ({right} > {trim_x})");
    assert!(plain(text(&root, "loss-band")).contains("slow-app lost records #"));
}

/// Digits of a number as the views print it, whatever the grouping (`1,234`, `12.345`).
fn number(text: &str) -> u64 {
    text.chars().filter(char::is_ascii_digit).collect::<String>().parse().unwrap_or(0)
}

/// Waits up to 30 s (plays at high speed in between) until `cond` holds.
async fn until_long(what: &str, cond: impl Fn() -> bool) {
    for _ in 0..1_500 {
        if cond() {
            return;
        }
        yew::platform::time::sleep(Duration::from_millis(20)).await;
    }
    panic!("timed out waiting until {what}");
}

#[wasm_bindgen_test]
async fn the_pipelines_view_merges_batch_and_realtime_and_switches_to_a_replayed_table() {
    let root = mount("#/pipelines?scenario=e-commerce&seed=2&speed=600&lang=en").await;
    let attr = |id: &str, name: &str| find(&root, id).get_attribute(name).unwrap_or_default();
    let disabled = |id: &str| find(&root, id).has_attribute("disabled");
    assert_eq!(count(&root, "lambda-panel"), 1);
    assert_eq!(count(&root, "kappa-panel"), 1);
    assert_eq!(text(&root, "lambda-codebases"), "2 codebases");
    assert_eq!(text(&root, "kappa-codebases"), "1 codebase");
    assert!(text(&root, "not-aws-lambda").contains("not the AWS Lambda service"));
    for _ in 0..3 {
        step(&root).await;
    }
    // Play (10 simulated minutes per second) until the serving layer has swapped in view v3.
    click(&root, "play");
    until_long("batch view v3 is served", || attr("lambda-horizon", "data-version").parse::<u64>().unwrap_or(0) >= 3)
        .await;
    click(&root, "play");
    until("paused", || find(&root, "play").get_attribute("aria-pressed").as_deref() == Some("false")).await;
    settle().await;

    // Each product's answer is its batch part plus its realtime part; so is the total.
    let cells = |id: &str| -> Vec<u64> {
        let list = root.query_selector_all(&format!("[data-testid={id}]")).unwrap_or_else(|_| panic!("{id}"));
        (0..list.length()).filter_map(|i| list.item(i)).map(|n| number(&n.text_content().unwrap_or_default())).collect()
    };
    let (batch, realtime, answer, truth) =
        (cells("lambda-batch"), cells("lambda-realtime"), cells("lambda-answer"), cells("lambda-truth"));
    assert_eq!(answer.len(), 6, "six products");
    for i in 0..answer.len() {
        assert_eq!(answer[i], batch[i] + realtime[i], "product {i}");
        assert!(answer[i] <= truth[i] && batch[i] > 0, "product {i}");
    }
    let total = number(&text(&root, "lambda-answer-total"));
    assert_eq!(total, number(&text(&root, "lambda-batch-total")) + number(&text(&root, "lambda-realtime-total")));
    assert!(text(&root, "lambda-wrong").contains("No unit is wrong"));

    // Deploy v2: a bad parallelism is refused in the form, 8 is accepted.
    let fill = |id: &str, value: &str| {
        let el = find(&root, id);
        if let Some(i) = el.dyn_ref::<web_sys::HtmlInputElement>() {
            i.set_value(value);
        }
        let e = web_sys::Event::new("input").unwrap_or_else(|_| panic!("no event"));
        el.dispatch_event(&e).unwrap_or_else(|_| panic!("dispatch"));
    };
    assert!(disabled("switch") && disabled("revert") && disabled("stop-old") && disabled("delete-old"));
    fill("parallelism", "65");
    settle().await;
    click(&root, "deploy");
    until("the form refuses 65", || text_now(&root, "parallelism-error").contains("1–64")).await;
    assert_eq!(count(&root, "job-row"), 1, "nothing deployed");
    fill("parallelism", "8");
    settle().await;
    click(&root, "deploy");
    until("v2 is deployed", || count(&root, "job-row") == 2).await;
    assert_eq!(count(&root, "parallelism-error"), 0);
    assert_eq!(attr("pipeline-outcome", "data-code"), "ok");
    assert!(disabled("deploy"), "two jobs run: no third deploy");
    // Step until v2 has caught up: Switch becomes possible.
    for _ in 0..60 {
        if !disabled("switch") {
            break;
        }
        step(&root).await;
    }
    assert!(!disabled("switch"), "v2 caught up within a minute");
    let v2 = root.query_selector("[data-testid=job-row][data-version='2'] [data-testid=job-status]").ok().flatten();
    assert_eq!(v2.and_then(|e| e.text_content()).as_deref(), Some("caught up"));
    assert_eq!(attr("app-pointer", "data-version"), "1");
    click(&root, "switch");
    until("the app reads table_v2", || attr("app-pointer", "data-version") == "2").await;
    assert!(text(&root, "kappa-table").contains("table_v2"));
    assert!(!disabled("revert") && !disabled("stop-old") && disabled("delete-old"));
    click(&root, "revert");
    until("the app reads table_v1 again", || attr("app-pointer", "data-version") == "1").await;
    assert_eq!(attr("pipeline-outcome", "data-code"), "ok");
    // Both tables exist: about twice the storage the app reads.
    assert_eq!(attr("storage", "data-ratio"), "×2.0");
}
