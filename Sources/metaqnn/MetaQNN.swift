import ArgumentParser

/// The `metaqnn` command: designs CNN architectures with Q-learning (MetaQNN).
@main
struct MetaQNN: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "metaqnn",
        abstract: "Design convolutional neural networks with Q-learning (MetaQNN, Baker et al. 2017).",
        subcommands: [
            // One line per subcommand; keep the order of the README's usage section.
            SearchCommand.self,
            ReportCommand.self,
            ReplayCommand.self,
            ListCommand.self,
            ShowCommand.self,
            ImportCommand.self,
            ExportCommand.self,
            TrainCommand.self,
            CheckCommand.self,
            SpaceCommand.self,
            BenchCommand.self,
        ]
    )
}
