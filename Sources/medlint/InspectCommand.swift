import ArgumentParser
import MedlintCore
import MedlintMarkdown
import MedlintReporters

struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "inspect", abstract: "Show the prose segments rules match against, with their kinds and ranges.")

    @Argument(help: "A Markdown file.")
    var file: String

    func run() throws {
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

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "init", abstract: "Write a commented starter .medlint.yml in the current directory.")

    @Flag(help: "Replace an existing .medlint.yml.")
    var force = false

    func run() throws {
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
