"""Everything that touches an engine: connect by URL, check the contract, load, execute."""
