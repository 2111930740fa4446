test("routes", () => {});
