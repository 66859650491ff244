import Foundation
import Testing
@testable import MedlintReporters

@Test func dumpReporterOutputs() throws {
    let r = ReporterFixtures.smallReport()
    try SARIFReporter.render(r).write(toFile: "/tmp/repdump/small.sarif", atomically: true, encoding: .utf8)
    try GitHubReporter.render(r).write(toFile: "/tmp/repdump/small.github", atomically: true, encoding: .utf8)
    try GitHubReporter.summaryMarkdown(r).write(toFile: "/tmp/repdump/small.summary.md", atomically: true, encoding: .utf8)
    try JSONReporter.render(r).write(toFile: "/tmp/repdump/small.json", atomically: true, encoding: .utf8)
    try RDJSONLReporter.render(r).write(toFile: "/tmp/repdump/small.rdjsonl", atomically: true, encoding: .utf8)
    try GitLabReporter.render(r).write(toFile: "/tmp/repdump/small.gitlab.json", atomically: true, encoding: .utf8)
    try SARIFReporter.render(ReporterFixtures.emptyReport()).write(toFile: "/tmp/repdump/empty.sarif", atomically: true, encoding: .utf8)
}
