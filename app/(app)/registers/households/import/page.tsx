import { RegisterImportPage, importPageTitle } from "@/components/registers/import-page";

export const generateMetadata = () => importPageTitle("households");

export default function ImportPage() {
  return <RegisterImportPage kind="households" />;
}
