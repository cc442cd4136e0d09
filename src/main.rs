//! The `studyterm` binary: parse arguments, run the command.

/// jemalloc: parsing a large folder allocates many short-lived strings, and
/// jemalloc does it faster than the system allocator at a similar peak.
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static GLOBAL: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() -> std::process::ExitCode {
    studyterm::cli::main()
}
