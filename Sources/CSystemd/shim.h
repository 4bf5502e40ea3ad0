#ifndef OGIWATCH_CSYSTEMD_SHIM_H
#define OGIWATCH_CSYSTEMD_SHIM_H
/* sd_journal_sendv and sd_notify; the variadic sd_journal_send is not importable into Swift. */
#define SD_JOURNAL_SUPPRESS_LOCATION 1
#include <systemd/sd-journal.h>
#include <systemd/sd-daemon.h>
#endif
