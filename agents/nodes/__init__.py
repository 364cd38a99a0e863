"""Graph nodes: supervisor, the three research agents, report writer."""
