def test_sample_status_lists_twelve_sectors(sample):
    rows = [row for row in sample.json("status") if row["row"] == "sector"]
    assert len(rows) == 12
    assert rows[0]["sector"] == "Công nghiệp" and rows[0]["actions"] == 0
