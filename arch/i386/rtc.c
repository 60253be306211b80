/*
 * The CMOS real-time clock, read once at boot for the wall-clock time.
 * Registers are BCD unless status B says binary; the year is two digits
 * (taken as 2000-2099, which is what a PC BIOS keeps today).
 */
#include <asm/io.h>
#include <asm/rtc.h>

#define CMOS_INDEX	0x70
#define CMOS_DATA	0x71
#define RTC_SECONDS	0x00
#define RTC_MINUTES	0x02
#define RTC_HOURS	0x04
#define RTC_DAY		0x07
#define RTC_MONTH	0x08
#define RTC_YEAR	0x09
#define RTC_STATUS_A	0x0A
#define  RTC_UIP	0x80	/* update in progress */
#define RTC_STATUS_B	0x0B
#define  RTC_24H	0x02
#define  RTC_BINARY	0x04

static u8 cmos_read(u8 reg)
{
	outb(CMOS_INDEX, reg);
	return inb(CMOS_DATA);
}

static unsigned bcd(u8 v, bool binary)
{
	return binary ? v : (v >> 4) * 10 + (v & 0x0f);
}

/* Days from 1970-01-01 to y-m-d (proleptic Gregorian). */
static long days_from_civil(int y, unsigned m, unsigned d)
{
	int era;
	unsigned yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097L + doe - 719468;
}

u32 rtc_read_seconds(void)
{
	u8 sec, min, hour, day, mon, year, status;
	bool binary;
	unsigned h;

	/* Read twice until equal, so no update slips in between. */
	do {
		while (cmos_read(RTC_STATUS_A) & RTC_UIP)
			;
		sec = cmos_read(RTC_SECONDS);
		min = cmos_read(RTC_MINUTES);
		hour = cmos_read(RTC_HOURS);
		day = cmos_read(RTC_DAY);
		mon = cmos_read(RTC_MONTH);
		year = cmos_read(RTC_YEAR);
	} while (sec != cmos_read(RTC_SECONDS));
	status = cmos_read(RTC_STATUS_B);
	binary = status & RTC_BINARY;
	h = bcd(hour & 0x7f, binary);
	if (!(status & RTC_24H) && (hour & 0x80))
		h = (h % 12) + 12;	/* 12-hour clock, PM */
	return days_from_civil(2000 + bcd(year, binary), bcd(mon, binary),
			       bcd(day, binary)) * 86400 +
	       h * 3600 + bcd(min, binary) * 60 + bcd(sec, binary);
}
