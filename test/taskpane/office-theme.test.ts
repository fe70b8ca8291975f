import { themeForBackground } from "../../src/taskpane/host/office-theme";

describe("the pane follows Office's theme", () => {
  it("is dark on Office's dark grey and black backgrounds", () => {
    expect(themeForBackground("#262626")).toBe("dark");
    expect(themeForBackground("000000")).toBe("dark");
  });

  it("is light on Office's white and colourful backgrounds", () => {
    expect(themeForBackground("#FFFFFF")).toBe("light");
    expect(themeForBackground("#E6E6E6")).toBe("light");
  });

  it("stays light when Office gives no colour or an unreadable one", () => {
    expect(themeForBackground(undefined)).toBe("light");
    expect(themeForBackground("rgb(0,0,0)")).toBe("light");
  });
});
