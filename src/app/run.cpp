#include "app/run.hpp"

namespace pvr::app {

int main(int /*argc*/, char** /*argv*/, char** /*envp*/) { return 0; }

} // namespace pvr::app
