// Module QLearning: see the module map in README.md. Replaced as the module's real types land.
