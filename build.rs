//! Embeds every file in `seeds/` so `studyterm` runs with no arguments.

use std::{env, fs, path::Path};

fn main() {
    let seeds = Path::new(&env::var("CARGO_MANIFEST_DIR").unwrap_or_default()).join("seeds");
    println!("cargo:rerun-if-changed={}", seeds.display());
    let mut names: Vec<_> = fs::read_dir(&seeds)
        .map(|dir| {
            dir.filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.is_file())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    let mut out = String::from(
        "/// (file name, contents) of each bundled seed.\npub static SEEDS: &[(&str, &[u8])] = &[\n",
    );
    for path in names {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        out.push_str(&format!(
            "    ({name:?}, include_bytes!({:?})),\n",
            path.display().to_string()
        ));
    }
    out.push_str("];\n");
    let dest = Path::new(&env::var("OUT_DIR").unwrap_or_default()).join("seeds.rs");
    if let Err(e) = fs::write(&dest, out) {
        panic!("cannot write {}: {e}", dest.display());
    }
}
