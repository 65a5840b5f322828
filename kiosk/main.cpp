// The waiting-room kiosk. All the work is in the sub-commands (kiosk/cli); see `kiosk --help`.
#include "cli/commands.h"

int main(int argc, char** argv) { return kiosk::cli::dispatch(argc, argv); }
