// Options page boot, after app.js (the worker's and popup's wasm, with its glue).
wasm_bindgen({ module_or_path: WASM_BYTES }).then(() => wasm_bindgen.options_main());
