//! The `studyterm` binary: parse arguments, run the command.

/// Loading a large folder allocates millions of small strings on every core;
/// mimalloc's per-thread heaps keep that from contending and from returning
/// memory to the kernel page by page.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    studyterm::cli::main()
}
