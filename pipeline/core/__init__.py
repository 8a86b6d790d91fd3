"""The batch machinery every stage and engine shares: schema, inputs, batch, tables, config, paths."""
