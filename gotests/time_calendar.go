// time.Time: the calendar (Date's normalisation, Year…Weekday, YearDay, AddDate, Truncate/Round), Format's layout elements, Parse with its errors and zones, Unix/UnixMilli, locations (UTC, Local, FixedZone), Month/Weekday names, fmt of a struct holding a Time, and a timer channel's value.
package main

import (
	"fmt"
	"time"
)

type Event struct {
	Name string
	At   time.Time
}

func main() {
	t := time.Now()
	fmt.Println(t.Location(), time.Local, time.UTC, t.Sub(t), t.Equal(t), time.Since(t) >= 0)
	var z time.Time
	fmt.Println(z, z.IsZero(), z.Location(), z.Unix(), z.Year(), z.Weekday())
	d := time.Date(2024, 2, 30, 25, 61, 0, 5, time.UTC)
	fmt.Println(d, d.Weekday(), d.YearDay(), d.Month(), int(d.Month()), d.Year(), d.Day(), d.Hour(), d.Minute(), d.Second(), d.Nanosecond())
	fmt.Println(d.Format(time.RFC1123Z), "|", d.Format("Mon Jan _2 3:4:5.000 PM 06 __2 002"), "|", d.Format(time.Kitchen), "|", d.Format(time.RFC3339Nano))
	e := time.Date(2024, 3, 1, 0, 0, 0, 0, time.FixedZone("EST", -5*3600))
	fmt.Println(e, e.UTC(), e.Sub(d), e.Equal(e.UTC()), e == e.UTC(), e.Format(time.RFC3339), e.Format(time.UnixDate))
	p, err := time.Parse(time.RFC3339, "2023-10-05T14:30:15.123+02:00")
	fmt.Println(p, err, p.Unix(), p.Nanosecond(), p.UTC())
	for _, v := range []string{"2023-13-01", "2023-1-01", "2023-02-30", "2023-02-03x", "2024-02-29"} {
		q, err := time.Parse("2006-01-02", v)
		fmt.Println(q, err)
	}
	q, err := time.Parse("Jan 2, 2006 at 3:04pm (MST)", "Feb 3, 2013 at 7:54pm (PST)")
	fmt.Println(q, err)
	q, err = time.Parse(time.RFC1123, "Mon, 02 Jan 2006 15:04:05 UTC")
	fmt.Println(q, err, q.Location())
	q, err = time.Parse("2006-01-02 15:04:05", "2023-07-04 09:08:07.250")
	fmt.Println(q, err)
	fmt.Println(time.Unix(1e9, 0).UTC(), time.UnixMilli(1700000000123).UTC().Format(time.StampMilli), time.Unix(-1, 0).UTC())
	fmt.Println(d.AddDate(0, 1, -1), d.Truncate(time.Hour), d.Round(24*time.Hour), d.Add(-48*time.Hour).Before(d), d.After(e))
	y, m, dd := d.Date()
	h, mi, s := d.Clock()
	fmt.Println(y, m, dd, h, mi, s, time.March, time.Saturday, time.Month(13))
	ev := Event{"launch", time.Date(2030, 1, 1, 12, 0, 0, 0, time.UTC)}
	fmt.Printf("%v %+v %s\n", ev, ev, ev.At)
	fmt.Println(d.Unix(), d.UnixMilli(), time.Date(1969, 12, 31, 23, 59, 59, 0, time.UTC).Unix())
	select {
	case v := <-time.After(time.Millisecond):
		fmt.Println(v.Sub(t) > 0, v.Location())
	}
}
