"""Reading the vault: its files walked and links resolved as Obsidian does, each note parsed once into the model."""
