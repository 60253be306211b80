/*
 * Kernel command-line parameters.
 *
 * A subsystem declares its parameter next to the variable it sets:
 *
 *	static int set_loglevel(const char *val) { ... return 0 or -EINVAL; }
 *	kernel_param("loglevel", set_loglevel, "7", "show messages below N");
 *
 * The declaration lands in the .kernel_params section; parse_args() looks
 * keys up there (Linux's __setup/early_param do the same). `set` gets the
 * text after '=' (NULL for a bare word) and returns 0, or -EINVAL to
 * reject it, in which case the parameter must keep its previous value.
 */
#ifndef _KERNEL_PARAM_H
#define _KERNEL_PARAM_H

#include <kernel/compiler.h>
#include <kernel/types.h>

struct kernel_param {
	const char *name;
	int (*set)(const char *val);
	const char *default_text;	/* the documented default, for warnings */
	const char *help;
};

#define kernel_param(name, fn, def, help_text)				\
	static const struct kernel_param __param_##fn			\
	__used __section(".kernel_params") __aligned(4) =		\
		{ name, fn, def, help_text }

/* Linux calls the ones parsed before the rest early; here all are. */
#define early_param(name, fn, def, help_text) \
	kernel_param(name, fn, def, help_text)

extern const struct kernel_param __start_kernel_params[];
extern const struct kernel_param __stop_kernel_params[];

/* The longest command line kept (GRUB legacy allows about 1500 bytes). */
#define COMMAND_LINE_SIZE 2048

/*
 * Parse `line` (modified in place: words are cut out of it) against the
 * table [start, end). Unknown keys and rejected values print a warning and
 * are otherwise ignored. Returns the number of words that were warned about.
 */
int parse_args(char *line, const struct kernel_param *start,
	       const struct kernel_param *end);

/*
 * Multiboot loaders pass the kernel image's path as the first word
 * ("/boot/kernel.elf syscall=int80"). If the first word has no '=', it is
 * taken to be that path: returned (cut out of the line), with *rest set to
 * what follows. Otherwise returns NULL and *rest = line.
 */
char *cmdline_take_image_path(char *line, char **rest);

/* The boot command line as the loader gave it, and the image path in it. */
extern char boot_command_line[COMMAND_LINE_SIZE];
extern const char *boot_image_path;

/* Parse boot_command_line against every declared parameter. */
void parse_boot_params(void);

#endif
