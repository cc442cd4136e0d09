//! The seed files bundled into the binary by `build.rs`.

include!(concat!(env!("OUT_DIR"), "/seeds.rs"));
