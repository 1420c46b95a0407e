#include "app/run.hpp"

int main(int argc, char** argv, char** envp) { return pvr::app::main(argc, argv, envp); }
