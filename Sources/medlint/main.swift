import Foundation
import MedlintMarkdown
import MedlintReporters
let path = CommandLine.arguments[1]
let data = try! Data(contentsOf: URL(fileURLWithPath: path))
print(DocumentInspector.render(Document(parsing: Array(data)), path: path), terminator: "")
