#pragma once

namespace pvr::app {

/// The whole program: parses the command line, runs the chosen command, returns the exit code.
int main(int argc, char** argv, char** envp);

} // namespace pvr::app
