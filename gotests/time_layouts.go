package main

// time.Time.Format with every predefined layout and the layout elements, Parse (offsets, zone
// abbreviations, range and syntax errors with Go's texts), AddDate normalisation, ISOWeek at year
// edges, Zone, Truncate/Round, Unix conversions, the zero Time, Duration extremes.

import (
	"fmt"
	"time"
)

func main() {
	t := time.Date(2009, time.November, 10, 23, 4, 5, 123456789, time.UTC)
	layouts := []string{time.ANSIC, time.UnixDate, time.RubyDate, time.RFC822, time.RFC822Z, time.RFC850, time.RFC1123, time.RFC1123Z, time.RFC3339, time.RFC3339Nano, time.Kitchen, time.Stamp, time.StampMilli, time.StampMicro, time.StampNano,
		"2006-01-02T15:04:05.000000Z07:00", "Jan _2 06 3PM", "15h04m .999 .000 ,999", "Monday Mon January Jan 1 01 _2 02 __2 002 15 3 03 4 04 5 05 PM pm -0700 -07:00 -07 Z0700 Z07:00 MST"}
	for _, l := range layouts {
		fmt.Println(t.Format(l))
	}
	for _, c := range [][2]string{
		{time.RFC3339, "2006-01-02T15:04:05Z"},
		{time.RFC3339, "2006-01-02T15:04:05.123+05:30"},
		{"2006-01-02", "2023-02-30"},
		{"Jan 2, 2006 at 3:04pm (MST)", "Feb 3, 2013 at 7:54pm (PST)"},
		{"2006-01-02 15:04:05", "2021-12-31 23:59:60"},
		{"02/01/2006", "31/12/2020"},
		{time.Kitchen, "3:04AM"},
		{"2006-01-02", "20-01-01"},
		{"2006-01-02 15:04:05", "2024-07-04 12:00:00 extra"},
		{"15:04", "25:00"},
	} {
		p, err := time.Parse(c[0], c[1])
		fmt.Println(p, err)
	}
	a := time.Date(2024, 2, 29, 0, 0, 0, 0, time.UTC)
	fmt.Println(a.AddDate(1, 0, 0), a.AddDate(0, 1, 1), a.AddDate(0, 0, -60), a.YearDay(), a.Weekday())
	y, w := a.ISOWeek()
	fmt.Println(y, w)
	for _, d := range []time.Time{time.Date(2021, 1, 3, 0, 0, 0, 0, time.UTC), time.Date(2020, 12, 31, 0, 0, 0, 0, time.UTC), time.Date(2018, 12, 31, 0, 0, 0, 0, time.UTC), time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)} {
		y, w := d.ISOWeek()
		fmt.Print(y, "-W", w, " ")
	}
	fmt.Println()
	zn, off := a.In(time.FixedZone("IST", 19800)).Zone()
	zu, offu := a.Zone()
	fmt.Println(zn, off, zu, offu)
	b := a.Add(-90 * time.Minute)
	fmt.Println(b, a.Sub(b), b.Before(a), a.Truncate(24*time.Hour).Equal(a), a.Round(time.Hour))
	fmt.Println(time.Unix(0, 0).UTC(), time.Unix(1e9, 5).UTC().Format(time.RFC3339Nano), a.Unix(), a.UnixMilli())
	var zero time.Time
	fmt.Println(zero, zero.IsZero(), zero.Unix())
	d, _ := time.ParseDuration("-1.5h")
	fmt.Println(d, time.Duration(1<<63-1), time.Duration(-1<<63))
	_, err := time.ParseDuration("5x")
	fmt.Println(err)
	fmt.Println(a.Month() == time.February, time.Saturday, time.Month(13), time.Weekday(8))
}
