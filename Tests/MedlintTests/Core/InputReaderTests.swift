import Foundation
import MedlintCore
import Testing

@Suite("Reading input files")
struct InputReaderTests {
    @Test("invalid UTF-8 is replaced byte for byte and reported at the first bad byte")
    func invalidUTF8() {
        guard case let .text(bytes, problems) = InputReader.decode([0x61, 0xFF, 0x62, 0xC3]) else {
            Issue.record("expected text")
            return
        }
        #expect(bytes == [0x61, 0x1A, 0x62, 0x1A])
        #expect(problems.map(\.ruleID) == ["invalid-encoding"])
        #expect(problems[0].range == 1..<2)
        #expect(problems[0].message == "The file is not valid UTF-8: 2 invalid bytes, the first on line 1, were replaced and the rest of the file was checked.")
    }

    @Test("the invalid-encoding message names the line of the first bad byte (LF, CRLF and a lone CR end lines)")
    func invalidUTF8Line() {
        guard case let .text(_, problems) = InputReader.decode(Array("a\r\nb\rc\nd".utf8) + [0xE9]) else {
            Issue.record("expected text")
            return
        }
        #expect(problems.map(\.message) == ["The file is not valid UTF-8: 1 invalid byte, on line 4, was replaced and the rest of the file was checked."])
        #expect(problems.map(\.range) == [8..<9])
    }

    @Test("a NUL byte in the first 8 KB means binary")
    func binary() {
        guard case let .skipped(problem) = InputReader.decode([0x50, 0x4E, 0x47, 0x00, 0x01]) else {
            Issue.record("expected skipped")
            return
        }
        #expect(problem.ruleID == "binary-file")
        #expect(problem.level == .note)
    }

    @Test("UTF-16 with a BOM is decoded")
    func utf16() {
        let le: [UInt8] = [0xFF, 0xFE] + Array("Hé".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let be: [UInt8] = [0xFE, 0xFF] + Array("Hé".utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        for input in [le, be] {
            guard case let .text(bytes, problems) = InputReader.decode(input) else {
                Issue.record("expected text")
                return
            }
            #expect(String(decoding: bytes, as: UTF8.self) == "Hé")
            #expect(problems.isEmpty)
        }
    }

    @Test("a file over the size cap is skipped with a note")
    func tooLarge() throws {
        let path = "/tmp/medlint-large-\(UInt32.random(in: 0...UInt32.max)).md"
        try String(repeating: "a", count: 2000).write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        guard case let .skipped(problem) = InputReader.read(path: path, maxBytes: 1000) else {
            Issue.record("expected skipped")
            return
        }
        #expect(problem.ruleID == "file-too-large")
        #expect(problem.message == "The file is 2000 bytes, over max_file_bytes (1000); it was skipped (raise the limit with --max-file-bytes or max_file_bytes in .medlint.yml).")
    }

    @Test("a regular file is read exactly, and a pipe that reports no size is read to its end", arguments: [0, 1, 63, 64, 65, 70_000, 200_003])
    func readsWholeFilesAndPipes(size: Int) throws {
        let text = (0..<size).map { UInt8(ascii: "a") + UInt8($0 % 26) }
        let path = "/tmp/medlint-read-\(UInt32.random(in: 0...UInt32.max)).md"
        try Data(text).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        guard case let .text(bytes, problems) = InputReader.read(path: path, maxBytes: 1 << 22) else {
            Issue.record("expected text")
            return
        }
        #expect(bytes == text)
        #expect(problems.isEmpty)

        let fifo = path + ".fifo"
        #expect(mkfifo(fifo, 0o600) == 0)
        defer { unlink(fifo) }
        let writer = Thread {
            let descriptor = open(fifo, O_WRONLY)
            text.withUnsafeBytes { var offset = 0; while offset < $0.count { offset += max(0, write(descriptor, $0.baseAddress! + offset, $0.count - offset)) } }
            close(descriptor)
        }
        writer.start()
        guard case let .text(piped, _) = InputReader.read(path: fifo, maxBytes: 1 << 22) else {
            Issue.record("expected text from the pipe")
            return
        }
        #expect(piped == text)
    }

    @Test("a pipe over the size cap is skipped")
    func pipeOverCap() throws {
        let fifo = "/tmp/medlint-cap-\(UInt32.random(in: 0...UInt32.max)).fifo"
        #expect(mkfifo(fifo, 0o600) == 0)
        defer { unlink(fifo) }
        let text = [UInt8](repeating: UInt8(ascii: "x"), count: 5000)
        let writer = Thread {
            let descriptor = open(fifo, O_WRONLY)
            text.withUnsafeBytes { _ = write(descriptor, $0.baseAddress!, $0.count) }
            close(descriptor)
        }
        writer.start()
        guard case let .skipped(problem) = InputReader.read(path: fifo, maxBytes: 1000) else {
            Issue.record("expected skipped")
            return
        }
        #expect(problem.ruleID == "file-too-large")
    }
}
