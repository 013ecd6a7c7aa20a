import { render } from "preact";
import { App } from "./App";
import { boot } from "./models/app";
import "./styles.css";

void boot();
render(<App />, document.getElementById("app")!);
