import ArgumentParser
import Foundation
import Designer

/// The `metaqnn` command: designs CNN architectures with Q-learning (MetaQNN).
@main
struct MetaQNN: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "metaqnn",
        abstract: "Design convolutional neural networks with Q-learning (MetaQNN, Baker et al. 2017).",
        version: ToolVersion.current,
        subcommands: [
            // One line per subcommand; keep the order of the README's usage section.
            SearchCommand.self,
            ReportCommand.self,
            ReplayCommand.self,
            ListCommand.self,
            ShowCommand.self,
            PredictorCommand.self,
            ImportCommand.self,
            ExportCommand.self,
            CopyCommand.self,
            FinalizeCommand.self,
            ExportModelCommand.self,
            TrainCommand.self,
            CheckCommand.self,
            SpaceCommand.self,
            BenchCommand.self,
            BenchStoreCommand.self,
        ]
    )

    /// Parses `--name -3` as `--name=-3`, so a negative value reaches the option's validation.
    static func main() async {
        if let refusal = CPURequirement.refusal {
            FileHandle.standardError.write(Data("Error: \(refusal)\n".utf8))
            Foundation.exit(1)
        }
        let arguments = attachingNegativeValues(Array(CommandLine.arguments.dropFirst()))
        if let topic = unknownHelpTopic(arguments) {
            let names = configuration.subcommands.compactMap { $0.configuration.commandName }.joined(separator: ", ")
            exit(withError: ValidationError("There is no command '\(topic)'; ask for help on one of \(names)."))
        }
        await main(arguments)
    }

    /// The first word after `help` that names no command (ArgumentParser would print the general
    /// help and exit 0, as if the misspelt command existed).
    static func unknownHelpTopic(_ arguments: [String]) -> String? {
        guard arguments.first == "help" else { return nil }
        var command: any ParsableCommand.Type = MetaQNN.self
        for word in arguments.dropFirst() where !word.hasPrefix("-") {
            guard let sub = command.configuration.subcommands.first(where: { $0.configuration.commandName == word }) else {
                return word
            }
            command = sub
        }
        return nil
    }

    /// ArgumentParser reads a token such as `-3` after `--epochs` as an unknown flag and then
    /// reports "Missing value", which hides the real problem; joining the two tokens lets the
    /// option's own check name the bad number.
    static func attachingNegativeValues(_ arguments: [String]) -> [String] {
        var result: [String] = []
        var index = 0
        while index < arguments.count {
            let token = arguments[index]
            if token == "--" { return result + arguments[index...] }
            if token.hasPrefix("--"), !token.contains("="), index + 1 < arguments.count,
               looksNegative(arguments[index + 1]) {
                result.append(token + "=" + arguments[index + 1])
                index += 2
            } else {
                result.append(token)
                index += 1
            }
        }
        return result
    }

    private static func looksNegative(_ token: String) -> Bool {
        guard token.hasPrefix("-"), let next = token.dropFirst().first else { return false }
        return next.isNumber || next == "."
    }
}
