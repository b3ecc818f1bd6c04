//! Entry point of the web app: mounts [`kinesis_playground::ui::app::App`] (wasm32, built by
//! Trunk). Natively there is nothing to mount; the engine's runners are the examples.

#[cfg(target_arch = "wasm32")]
fn main() {
    yew::Renderer::<kinesis_playground::ui::app::App>::new().render();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The web app builds for wasm32: run `make serve` (or `trunk serve`).");
    eprintln!("Native runners: cargo run --release --example simulate -- --help");
}
