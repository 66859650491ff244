/// A command line that cannot be run as written: the run stops with exit code 2, the message,
/// and the command's usage line.
struct CommandLineError: Error, Sendable {
    let message: String
    /// The command whose usage is shown.
    let command: CommandSpec
}
