//! The `studyterm` binary: parse arguments, run the command.

fn main() -> std::process::ExitCode {
    studyterm::cli::main()
}
