"""The team server seen from a PC: connection profiles, who the server says you are, and
what happens when the network drops. No Qt; feature packages never import it (the server
is reached through ``storage.ServerDatabase`` like a file through ``Database``)."""
