/*
 * The command-line parser behind include/kernel/param.h. Words are
 * separated by blanks; a value may be quoted (key="a b"), and the quotes
 * are removed. A bad word never stops the boot: it costs a warning.
 */
#include <kernel/param.h>
#include <kernel/printk.h>
#include <kernel/string.h>

char boot_command_line[COMMAND_LINE_SIZE];
const char *boot_image_path;

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static char *skip_blanks(char *s)
{
	while (is_blank(*s))
		s++;
	return s;
}

/*
 * Cut the next word out of *pos: NUL-terminate it in place, drop the
 * double quotes, and return it, or NULL when the line is used up.
 */
static char *next_word(char **pos)
{
	char *s = skip_blanks(*pos), *word = s, *out = s;
	bool quoted = false;

	if (!*s)
		return NULL;
	for (; *s && (quoted || !is_blank(*s)); s++) {
		if (*s == '"')
			quoted = !quoted;
		else
			*out++ = *s;
	}
	*pos = *s ? s + 1 : s;
	*out = '\0';
	return word;
}

static const struct kernel_param *find_param(const char *key,
					     const struct kernel_param *start,
					     const struct kernel_param *end)
{
	for (const struct kernel_param *p = start; p < end; p++)
		if (!strcmp(p->name, key))
			return p;
	return NULL;
}

int parse_args(char *line, const struct kernel_param *start,
	       const struct kernel_param *end)
{
	char *pos = line, *word;
	int warnings = 0;

	while ((word = next_word(&pos))) {
		char *val = strchr(word, '=');
		const struct kernel_param *p;

		if (val)
			*val++ = '\0';
		p = find_param(word, start, end);
		if (!p) {
			if (val)
				val[-1] = '=';	/* show the word whole */
			pr_warn("cmdline: unknown parameter '%s', ignored\n",
				word);
			warnings++;
		} else if (p->set(val)) {
			pr_warn("cmdline: bad value %s%s%s for '%s', keeping "
				"the default (%s=%s)\n", val ? "'" : "(none)",
				val ? val : "", val ? "'" : "", word, p->name,
				p->default_text);
			warnings++;
		}
	}
	return warnings;
}

char *cmdline_take_image_path(char *line, char **rest)
{
	char *pos = line, *first;

	*rest = line;
	first = skip_blanks(line);
	if (!*first)
		return NULL;
	/* Look at the first word without cutting it yet. */
	for (char *s = first; *s && !is_blank(*s); s++)
		if (*s == '=' || *s == '"')
			return NULL;
	first = next_word(&pos);
	*rest = pos;
	return first;
}

void parse_boot_params(void)
{
	static char work[COMMAND_LINE_SIZE];
	char *rest;
	int warnings;

	strlcpy(work, boot_command_line, sizeof(work));
	boot_image_path = cmdline_take_image_path(work, &rest);
	warnings = parse_args(rest, __start_kernel_params,
			      __stop_kernel_params);
	if (warnings)
		pr_warn("cmdline: %d parameter(s) ignored\n", warnings);
}
