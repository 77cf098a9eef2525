def test_sample_status_lists_twelve_sectors(sample):
    rows = sample.json("status")
    assert len(rows) == 12
    assert rows[0]["sector"] == "Công nghiệp" and rows[0]["actions"] == 0
