package dev.mamori.cli;

import picocli.CommandLine.Command;

@Command(name = "mamori", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Finds Japanese personal information in files before they leave the organisation.",
        subcommands = {ScanCommand.class, RulesCommand.class, AgentCommand.class, StatusCommand.class, AlertsCommand.class, VerifyCommand.class, ReportCommand.class, InventoryCommand.class, ImpactCommand.class, QuarantineCommand.class,
                BenchCommand.class, CollectCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:nothing sensitive found", "1:sensitive content found", "2:usage or fatal error"})
final class MamoriCommand {
}
