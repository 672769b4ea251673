// Popup boot (bundled after the glue and WASM_BYTES by `cargo xtask build`).
wasm_bindgen({ module_or_path: WASM_BYTES }).then(() => wasm_bindgen.popup_main());
