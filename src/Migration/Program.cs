return await SupportBot.Migration.MigrationCli.RunAsync(args);
