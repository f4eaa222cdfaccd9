// Module Datasets: see the module map in README.md. Replaced as the module's real types land.
