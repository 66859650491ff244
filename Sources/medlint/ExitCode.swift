/// Ends a command with this exit status; its message, if any, has been printed already.
struct ExitCode: Error {
    let status: Int32

    init(_ status: Int32) { self.status = status }
}
