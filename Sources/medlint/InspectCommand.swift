import MedlintCore
import MedlintMarkdown
import MedlintReporters

struct Inspect {
    static let spec = CommandSpec(path: ["inspect"], abstract: "Show the prose segments rules match against, with their kinds and ranges.",
                                  arguments: [.single("file", help: "A Markdown file.")])

    let file: String

    init(_ arguments: ParsedArguments) { file = arguments.argument("file") }

    func run() throws(ExitCode) {
        switch InputReader.read(path: file, maxBytes: Int.max) {
        case let .skipped(problem):
            Diagnostics.printError("\(file): \(problem.message)")
            throw ExitCode(2)
        case let .text(bytes, problems):
            for problem in problems { Diagnostics.printNote("\(file): \(problem.message)") }
            Diagnostics.printOut(DocumentInspector.render(Document(parsing: bytes), path: file))
        }
    }
}

struct Init {
    static let spec = CommandSpec(path: ["init"], abstract: "Write a commented starter .medlint.yml in the current directory.",
                                  options: [.flag("force", help: "Replace an existing .medlint.yml.")])

    let force: Bool

    init(_ arguments: ParsedArguments) { force = arguments.flag("force") }

    func run() throws(ExitCode) {
        let path = ConfigurationLoader.fileName
        if !force, FileDiscovery.realPath(path) != nil {
            Diagnostics.printError("\(path) already exists; use --force to replace it")
            throw ExitCode(2)
        }
        do {
            try AtomicFileWriter.write(StarterConfiguration.contents, to: path)
        } catch {
            Diagnostics.printError("cannot write \(path): \(error.localizedDescription)")
            throw ExitCode(2)
        }
        Diagnostics.printOut("Wrote \(path). Run `medlint check` to lint this folder.\n")
    }
}
